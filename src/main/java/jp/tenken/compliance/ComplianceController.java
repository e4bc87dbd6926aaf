package jp.tenken.compliance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import jp.tenken.account.Caller;
import jp.tenken.api.QueryParameters;
import jp.tenken.api.Requests;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.inspection.InspectionStatus;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * GET /api/v1/compliance/units: the auditors' list of departments and their status for a fiscal
 * year, as JSON, or as CSV for Excel with {@code Accept: text/csv} or {@code format=csv}.
 */
@Controller("/api/v1/compliance")
class ComplianceController {

    static final String CSV = "text/csv";

    private final ComplianceService service;

    ComplianceController(ComplianceService service) {
        this.service = service;
    }

    @Get(value = "/units", produces = {MediaType.APPLICATION_JSON, CSV})
    HttpResponse<?> units(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String organization,
                          @Nullable @QueryValue String fiscalYear, @Nullable @QueryValue String status,
                          @Nullable @QueryValue String asOf, @Nullable @QueryValue String format) {
        ComplianceList list = service.units(caller, QueryParameters.required("organization", organization),
                QueryParameters.year(fiscalYear), status(status), QueryParameters.asOf(asOf), Requests.language(request));
        if (wantsCsv(request, format)) {
            String filename = "compliance-" + list.organization() + "-" + list.fiscalYear() + ".csv";
            return HttpResponse.ok(ComplianceCsv.write(list, Requests.language(request)).getBytes(StandardCharsets.UTF_8))
                    .contentType(MediaType.of(CSV + "; charset=utf-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
        }
        return HttpResponse.ok(list).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static boolean wantsCsv(HttpRequest<?> request, String format) {
        if (format != null && !format.isBlank()) {
            String wanted = format.trim();
            if (!wanted.equalsIgnoreCase("csv") && !wanted.equalsIgnoreCase("json")) {
                throw DocumentRejectedException.malformed(Problem.of("format", "document.enum", "allowed", "json, csv"));
            }
            return wanted.equalsIgnoreCase("csv");
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
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
}
