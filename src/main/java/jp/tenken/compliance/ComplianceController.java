package jp.tenken.compliance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import jp.tenken.account.Caller;
import jp.tenken.api.Attachment;
import jp.tenken.api.ExportFormat;
import jp.tenken.api.QueryParameters;
import jp.tenken.api.Requests;
import jp.tenken.audit.AuditStanding;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Language;
import jp.tenken.inspection.InspectionStatus;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.spreadsheet.Xlsx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GET /api/v1/compliance/units: the auditors' list of departments and their status for a fiscal
 * year, as JSON, or as a file (CONTRACT §9) with {@code format=csv}, {@code xlsx} or {@code pdf} (or
 * their media type in {@code Accept}): CSV for Excel, an Excel workbook, a printable PDF.
 */
@Controller("/api/v1/compliance")
class ComplianceController {

    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";

    private final ComplianceService service;
    private final OrganizationRegistry organizations;

    ComplianceController(ComplianceService service, OrganizationRegistry organizations) {
        this.service = service;
        this.organizations = organizations;
    }

    @Get(value = "/units", produces = {MediaType.APPLICATION_JSON, CSV, Xlsx.MEDIA_TYPE, PDF})
    HttpResponse<?> units(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String organization,
                          @Nullable @QueryValue String fiscalYear, @Nullable @QueryValue String status,
                          @Nullable @QueryValue String asOf, @Nullable @QueryValue String format) {
        ExportFormat wanted = ExportFormat.of(request, format, ExportFormat.JSON, ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.PDF);
        // The files are Japanese documents (for the 課長 and the committee), whatever the Accept-Language.
        Language language = wanted == ExportFormat.XLSX || wanted == ExportFormat.PDF ? Language.JA : Requests.language(request);
        ComplianceList list = service.units(caller, QueryParameters.required("organization", organization),
                QueryParameters.year(fiscalYear), status(status), QueryParameters.asOf(asOf), language);
        String name = organizations.nameOf(list.organization());
        String ascii = "compliance-" + list.organization() + "-" + list.fiscalYear();
        String japanese = "適合状況一覧_" + name + "_" + list.fiscalYear();
        return switch (wanted) {
            case CSV -> Attachment.of(ComplianceCsv.write(list, language).getBytes(StandardCharsets.UTF_8), wanted, ascii, japanese);
            case XLSX -> Attachment.of(ComplianceXlsx.write(list, openActions(caller, list), name), wanted, ascii, japanese);
            case PDF -> Attachment.of(CompliancePdf.write(list, openActions(caller, list), name), wanted, ascii, japanese);
            case JSON -> HttpResponse.ok(list).contentType(MediaType.APPLICATION_JSON_TYPE);
        };
    }

    /** The open actions of the departments listed (all of them, or those of the status asked for). */
    private List<AuditStanding.OpenAction> openActions(Caller caller, ComplianceList list) {
        Set<String> listed = list.units().stream().map(UnitCompliance::department).collect(Collectors.toSet());
        return service.openActions(caller, list.organization(), list.fiscalYear(), list.asOf()).stream()
                .filter(a -> listed.contains(a.audit().record().department())).toList();
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
