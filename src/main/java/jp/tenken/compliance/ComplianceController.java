package jp.tenken.compliance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import jp.tenken.api.Requests;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.inspection.InspectionStatus;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** GET /api/v1/compliance/units: the auditors' list of departments and their status for a fiscal year. */
@Controller("/api/v1/compliance")
class ComplianceController {

    private final ComplianceService service;

    ComplianceController(ComplianceService service) {
        this.service = service;
    }

    @Get("/units")
    ComplianceList units(HttpRequest<?> request, @Nullable @QueryValue String organization,
                         @Nullable @QueryValue String fiscalYear, @Nullable @QueryValue String status,
                         @Nullable @QueryValue String asOf) {
        if (organization == null || organization.isBlank()) {
            throw DocumentRejectedException.malformed(Problem.of("organization", "query.required"));
        }
        return service.units(organization, fiscalYear(fiscalYear), status(status), asOf(asOf), Requests.language(request));
    }

    static int fiscalYear(String value) {
        if (value == null || value.isBlank()) {
            throw DocumentRejectedException.malformed(Problem.of("fiscalYear", "query.required"));
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw DocumentRejectedException.malformed(Problem.of("fiscalYear", "document.type.integer"));
        }
    }

    static InspectionStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InspectionStatus.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw DocumentRejectedException.malformed(Problem.of("status", "document.enum", "allowed",
                    Arrays.stream(InspectionStatus.values()).map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    /** Today unless the request says otherwise. */
    static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DocumentRejectedException.malformed(Problem.of("asOf", "document.type.date"));
        }
    }
}
