package jp.tenken.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.Attachment;
import jp.tenken.api.ExportFormat;
import jp.tenken.api.QueryParameters;
import jp.tenken.api.BoundedWork;
import jp.tenken.api.NotFoundException;
import jp.tenken.api.Requests;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.document.DocumentReader;
import jp.tenken.engine.RuleBase;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.spreadsheet.Xlsx;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Self-inspections over HTTP (CONTRACT §4): submit, read one, list the current ones. */
@Controller("/api/v1/inspections")
class InspectionController {

    private final DocumentReader reader;
    private final InspectionService service;
    private final InspectionChecker checker;
    private final InspectionStore store;
    private final ChecklistRegistry checklists;
    private final RuleBase ruleBase;
    private final OrganizationRegistry organizations;
    private final InspectionWorkbookImport workbooks;

    InspectionController(DocumentReader reader, InspectionService service, InspectionChecker checker,
                         InspectionStore store, ChecklistRegistry checklists, RuleBase ruleBase,
                         OrganizationRegistry organizations, InspectionWorkbookImport workbooks) {
        this.organizations = organizations;
        this.workbooks = workbooks;
        this.reader = reader;
        this.service = service;
        this.checker = checker;
        this.store = store;
        this.checklists = checklists;
        this.ruleBase = ruleBase;
    }

    @BoundedWork
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<InspectionResponse>> submit(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body) {
        caller.requireRole(Action.INSPECTION_SUBMIT);
        StoredInspection stored;
        if (Xlsx.isXlsx(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))) {
            // The self-inspection workbook (CONTRACT §9): the same submission, its problems named by cell.
            stored = workbooks.submit(caller, body);
        } else {
            stored = service.submit(caller, reader.read(body, Requests.format(request), InspectionSubmission.class));
        }
        // A future, so that BoundedWork can move a large document off the thread that received it.
        return CompletableFuture.completedFuture(HttpResponse.created(InspectionResponse.of(stored,
                checklists.checklist(stored.checklistId(), stored.checklistVersion()).orElse(null), ruleBase.messages(), Requests.language(request), false)));
    }

    /**
     * One submission as JSON, or (CONTRACT §9) {@code format=xlsx} as a workbook and {@code format=pdf}
     * as a printable report for the 課長 to sign; whoever may read it may have either.
     */
    @Get(value = "/{id}", produces = {MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE, "application/pdf"})
    HttpResponse<?> find(HttpRequest<?> request, Caller caller, String id, @Nullable @QueryValue String format) {
        ExportFormat wanted = ExportFormat.of(request, format, ExportFormat.JSON, ExportFormat.XLSX, ExportFormat.PDF);
        StoredInspection stored = service.find(caller, id)
                .orElseThrow(() -> new NotFoundException("inspection.not-found", Map.of("id", id)));
        Checklist checklist = checklists.checklist(stored.checklistId(), stored.checklistVersion()).orElse(null);
        if (wanted == ExportFormat.JSON) {
            return HttpResponse.ok(InspectionResponse.of(stored, checklist, ruleBase.messages(), Requests.language(request), true))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        String organizationName = organizations.nameOf(stored.organization());
        InspectionReport report = InspectionReport.of(stored, checklist, ruleBase.messages(), organizationName);
        byte[] file = wanted == ExportFormat.XLSX ? InspectionXlsx.write(report) : InspectionPdf.write(report);
        return Attachment.of(file, wanted, "inspection-" + stored.fiscalYear() + "-" + stored.id(), report.fileName());
    }

    /** The current submission of each department, filtered by fiscal year and department. */
    @Get(produces = MediaType.APPLICATION_JSON)
    List<InspectionListEntry> list(Caller caller, @Nullable @QueryValue String organization, @Nullable @QueryValue String fiscalYear,
                                   @Nullable @QueryValue String department) {
        String org = QueryParameters.required("organization", organization);
        Integer year = QueryParameters.optionalYear(fiscalYear);
        organizations.directory(org)
                .orElseThrow(() -> new NotFoundException("organization.unknown", Map.of("id", org)));
        String unit = department == null || department.isBlank() ? null : department;
        return service.current(caller, org, year, unit).stream().map(InspectionListEntry::of).toList();
    }
}
