package jp.tenken.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.QueryParameters;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.spreadsheet.Xlsx;
import jp.tenken.text.JapaneseDates;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code GET /api/v1/templates/inspection.xlsx} (CONTRACT §9): the self-inspection workbook of one
 * department and fiscal year, filled with its saved draft if there is one, else with its current
 * submission of that year. Prefilled answers are the department's own, so only who may submit for
 * the department may have it ({@link Action#INSPECTION_SUBMIT}, as for the draft).
 */
@Controller("/api/v1/templates")
class InspectionTemplateController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final InspectionDraftService drafts;
    private final InspectionService inspections;
    private final InspectionChecker checker;
    private final ChecklistRegistry checklists;
    private final Clock clock;

    InspectionTemplateController(InspectionDraftService drafts, InspectionService inspections, InspectionChecker checker,
                                 ChecklistRegistry checklists, Clock clock) {
        this.drafts = drafts;
        this.inspections = inspections;
        this.checker = checker;
        this.checklists = checklists;
        this.clock = clock;
    }

    /**
     * {@code organization} defaults to the caller's, {@code fiscalYear} to this fiscal year in Japan,
     * {@code checklistId} to the only checklist there is.
     */
    @Get(value = "/inspection.xlsx", produces = Xlsx.MEDIA_TYPE)
    HttpResponse<byte[]> inspection(Caller caller, @Nullable @QueryValue String checklistId, @Nullable @QueryValue String organization,
                                    @Nullable @QueryValue String department, @Nullable @QueryValue String fiscalYear) {
        caller.requireRole(Action.INSPECTION_SUBMIT);
        String org = organization != null && !organization.isBlank() ? organization
                : QueryParameters.required("organization", caller.account().organization());
        String unit = checker.unit(org, QueryParameters.required("department", department)).name();
        Integer year = QueryParameters.optionalYear(fiscalYear);
        int fy = year != null ? year : JapaneseDates.fiscalYearOf(LocalDate.now(clock.withZone(JAPAN)));
        caller.require(Action.INSPECTION_SUBMIT, org, unit);
        Checklist checklist = checklist(checklistId);
        InspectionForm prefill = drafts.find(caller, org, unit, fy).map(InspectionForm::of)
                .orElseGet(() -> inspections.current(caller, org, fy, unit).stream().findFirst()
                        .map(s -> InspectionForm.of(s.submission())).orElse(InspectionForm.empty()));
        // The organization-level items as the department's form shows them.
        InspectionFormView.OrganizationLevel organizationLevel = InspectionFormView.OrganizationLevel.shownTo(unit,
                checker.securityOffice(org), () -> inspections.organizationLevel(org, fy));
        byte[] workbook = InspectionTemplate.write(checklist, org, unit, fy, prefill, organizationLevel);
        String filename = "自己点検_" + unit + "_" + fy + ".xlsx";
        return HttpResponse.ok(workbook).contentType(Xlsx.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inspection-" + fy + ".xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private Checklist checklist(String checklistId) {
        if (checklistId != null && !checklistId.isBlank()) {
            return checker.checklist(checklistId);
        }
        List<Checklist> all = checklists.all();
        if (all.size() != 1) {
            throw DocumentRejectedException.malformed(Problem.of("checklistId", "query.required"));
        }
        return all.get(0);
    }
}
