package jp.tenken.inspection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.FindingView;
import jp.tenken.api.NotFoundException;
import jp.tenken.api.QueryParameters;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentReader;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.Layout;
import jp.tenken.web.StatusWords;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The self-inspection pages of CONTRACT §8: the form of a department and fiscal year (save a
 * draft, copy last year's answers, submit), and a stored submission read-only with its findings
 * beside their items. Submitting goes through {@link InspectionService} with the same reader as
 * the API's body, so statuses, checks and permissions are the API's.
 */
@Controller("/inspections")
class InspectionFormPage {

    static final String CHECKLIST = "municipal-security-self-inspection";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Pattern ANSWER_PATH = Pattern.compile("^answers\\[(\\d+)]\\.?(.*)$");

    private final Layout layout;
    private final InspectionService inspections;
    private final InspectionDraftService drafts;
    private final InspectionChecker checker;
    private final ChecklistRegistry checklists;
    private final DocumentReader reader;
    private final RuleBase ruleBase;
    private final ObjectMapper json;
    private final Clock clock;
    private final InspectionWorkbookImport workbooks;

    InspectionFormPage(Layout layout, InspectionService inspections, InspectionDraftService drafts, InspectionChecker checker,
                       ChecklistRegistry checklists, DocumentReader reader, RuleBase ruleBase, ObjectMapper json, Clock clock,
                       InspectionWorkbookImport workbooks) {
        this.workbooks = workbooks;
        this.layout = layout;
        this.inspections = inspections;
        this.drafts = drafts;
        this.checker = checker;
        this.checklists = checklists;
        this.reader = reader;
        this.ruleBase = ruleBase;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The form: the saved draft if there is one, else this year's current submission, else empty;
     * {@code from=last-year} starts from last year's submitted answers instead (not saved until
     * the draft is).
     */
    @Get(value = "/form", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form(Caller caller, @Nullable @QueryValue String department,
                                           @Nullable @QueryValue String fiscalYear, @Nullable @QueryValue String from,
                                           @Nullable @QueryValue String saved) {
        Target target = target(caller, department, fiscalYear);
        Checklist checklist = checker.checklist(CHECKLIST);
        InspectionForm form;
        String notice = null;
        if ("last-year".equals(from)) {
            Optional<StoredInspection> last = inspections.current(caller, target.organization, target.fiscalYear - 1, target.department)
                    .stream().findFirst();
            // Last year's answers follow their items into this version (renamed items under the new id, removed ones left out).
            form = last.map(s -> InspectionForm.of(inspections.inCurrentVersion(s)).withGatesApplied(checklist)).orElse(InspectionForm.empty());
            notice = last.isPresent()
                    ? JapaneseDates.fiscalYear(target.fiscalYear - 1) + "の回答を写しました。内容を確かめ、下書き保存または提出してください。"
                    : JapaneseDates.fiscalYear(target.fiscalYear - 1) + "の提出はありません。";
        } else {
            Optional<InspectionDraft> draft = drafts.find(caller, target.organization, target.department, target.fiscalYear);
            if (draft.isPresent()) {
                form = InspectionForm.of(draft.get());
                notice = "下書き(" + draft.get().savedBy() + " が "
                        + JapaneseDates.dateTime(draft.get().savedAt().atZoneSameInstant(JAPAN).toLocalDateTime()) + " に保存)を表示しています。";
            } else {
                form = inspections.current(caller, target.organization, target.fiscalYear, target.department).stream()
                        .findFirst().map(s -> InspectionForm.of(inspections.inCurrentVersion(s))).orElse(InspectionForm.empty());
            }
        }
        if (saved != null) {
            notice = "下書きを保存しました。";
        }
        Map<String, Object> model = formModel(caller, target, checklist, form, Map.of(), List.of());
        model.put("notice", notice);
        return new ModelAndView<>("inspection/form", model);
    }

    /** Save the draft (303 back to the form) or submit (the result, or the form again with each error beside its field). */
    @Post(value = "/form", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> post(Caller caller, @Body Map<String, String> fields) {
        Target target = target(caller, fields.get("department"), fields.get("fiscalYear"));
        Checklist checklist = checker.checklist(CHECKLIST);
        InspectionForm form = InspectionForm.posted(checklist, fields);
        if ("save-draft".equals(fields.get("intent"))) {
            drafts.save(caller, target.organization, target.department, target.fiscalYear, form.toDraft(checklist.id()));
            return HttpResponse.seeOther(URI.create(formHref(target.department, target.fiscalYear) + "&saved"));
        }
        List<String> order = new ArrayList<>();
        byte[] body = form.toSubmissionJson(json, checklist, target.organization, target.department, target.fiscalYear,
                LocalDate.now(clock.withZone(JAPAN)), order);
        try {
            InspectionSubmission submission = reader.read(body, DocumentFormat.JSON, InspectionSubmission.class);
            StoredInspection stored = inspections.submit(caller, submission);
            return HttpResponse.ok(new ModelAndView<>("inspection/form", storedModel(caller, stored, "提出しました。")));
        } catch (DocumentRejectedException e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            List<String> general = new ArrayList<>();
            for (Problem problem : e.problems()) {
                Matcher m = ANSWER_PATH.matcher(problem.path());
                if (m.matches() && Integer.parseInt(m.group(1)) < order.size()) {
                    errors.computeIfAbsent(order.get(Integer.parseInt(m.group(1))), k -> new ArrayList<>())
                            .add(fieldName(m.group(2)) + ": " + problem.message(Language.JA));
                } else {
                    general.add(problem.message(Language.JA));
                }
            }
            Map<String, Object> model = formModel(caller, target, checklist, form, errors, List.of());
            model.put("errorSummary", "提出できませんでした。赤字の項目を直してください。");
            model.put("generalErrors", general);
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("inspection/form", model));
        }
    }

    /**
     * The filled self-inspection workbook uploaded from the form page (multipart, file field
     * {@code workbook}): submitted as {@code POST /api/v1/inspections} submits it, the result shown
     * as after the form's submit, or the form again with each problem named by its cell.
     */
    @Post(value = "/upload", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    HttpResponse<?> upload(Caller caller, @Nullable @Part("department") String department, @Nullable @Part("fiscalYear") String fiscalYear,
                           @Nullable @Part("workbook") CompletedFileUpload workbook) throws java.io.IOException {
        Target target = target(caller, department, fiscalYear);
        try {
            StoredInspection stored = workbooks.submit(caller, workbook == null ? new byte[0] : workbook.getBytes());
            return HttpResponse.ok(new ModelAndView<>("inspection/form", storedModel(caller, stored, "Excelの点検票を提出しました。")));
        } catch (DocumentRejectedException e) {
            ModelAndView<Map<String, Object>> page = form(caller, target.department, String.valueOf(target.fiscalYear), null, null);
            Map<String, Object> model = page.getModel().orElseThrow();
            model.put("notice", null);
            model.put("errorSummary", "Excelの点検票を提出できませんでした。次の点を直して、もう一度アップロードしてください。");
            model.put("generalErrors", e.problems().stream()
                    .map(p -> (p.path().isEmpty() ? "" : p.path() + ": ") + p.message(Language.JA)).toList());
            return HttpResponse.status(e.reason() == DocumentRejectedException.Reason.MALFORMED
                    ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY).body(page);
        }
    }

    /** A stored submission, read-only, with its status and findings beside their items. */
    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> show(Caller caller, String id) {
        StoredInspection stored = inspections.find(caller, id)
                .orElseThrow(() -> new NotFoundException("inspection.not-found", Map.of("id", id)));
        return new ModelAndView<>("inspection/form", storedModel(caller, stored, null));
    }

    private Map<String, Object> storedModel(Caller caller, StoredInspection stored, String notice) {
        // A stored submission is shown with the checklist version it answered.
        Checklist checklist = checker.checklist(stored.checklistId(), stored.checklistVersion());
        List<FindingView> findings = FindingView.of(stored.findings(), ruleBase.messages(), Language.JA);
        Target target = new Target(stored.organization(), stored.department(), stored.fiscalYear());
        Map<String, Object> model = formModel(caller, target, checklist, InspectionForm.of(stored.submission()), Map.of(), findings);
        model.put("readOnly", true);
        model.put("notice", notice);
        model.put("pdfHref", "/api/v1/inspections/" + stored.id() + "?format=pdf");
        model.put("xlsxHref", "/api/v1/inspections/" + stored.id() + "?format=xlsx");
        model.put("status", stored.status().name());
        model.put("statusWord", StatusWords.of(stored.status()));
        model.put("submittedOn", JapaneseDates.date(stored.submittedOn()));
        model.put("submittedBy", stored.submittedBy() == null ? "" : stored.submittedBy());
        model.put("current", stored.current());
        // For an auditor, each finding with its 'waive' form (CONTRACT §12); a waived one with its waiver.
        boolean mayWaive = caller.may(jp.tenken.account.Action.WAIVER_WRITE, stored.organization());
        model.put("findings", findings.stream().map(f -> {
            Map<String, Object> row = jp.tenken.waiver.WaiverForms.finding(f, stored.organization(),
                    jp.tenken.waiver.WaiverApplier.department(stored.department()), mayWaive, "/inspections/" + stored.id());
            row.put("itemId", f.target().itemId() == null ? "" : f.target().itemId());
            return row;
        }).toList());
        return model;
    }

    private Map<String, Object> formModel(Caller caller, Target target, Checklist checklist, InspectionForm form,
                                          Map<String, List<String>> errors, List<FindingView> findings) {
        Map<String, Object> model = layout.model(caller, target.department + " 自己点検 " + JapaneseDates.fiscalYear(target.fiscalYear));
        model.put("department", target.department);
        model.put("fiscalYear", target.fiscalYear);
        model.put("fiscalYearLabel", JapaneseDates.fiscalYear(target.fiscalYear));
        model.put("checklistTitle", checklist.title() + "(" + checklist.version() + "年版)");
        InspectionFormView.OrganizationLevel organizationLevel = InspectionFormView.OrganizationLevel.shownTo(target.department,
                checker.securityOffice(target.organization),
                () -> inspections.organizationLevel(target.organization, target.fiscalYear));
        boolean asked = organizationLevel.asked();
        model.put("chapters", InspectionFormView.chapters(checklist, form, errors, findings, organizationLevel));
        model.put("formHref", formHref(target.department, target.fiscalYear));
        model.put("lastYearHref", formHref(target.department, target.fiscalYear) + "&from=last-year");
        model.put("templateHref", "/api/v1/templates/inspection.xlsx?organization=" + URLEncoder.encode(target.organization, StandardCharsets.UTF_8)
                + "&department=" + URLEncoder.encode(target.department, StandardCharsets.UTF_8) + "&fiscalYear=" + target.fiscalYear);
        model.put("readOnly", false);
        List<ChecklistItem> askedItems = checklist.items().stream().filter(i -> asked || !i.organizationLevel()).toList();
        long answered = askedItems.stream().filter(i -> form.gateClosed(checklist, i) || form.get(i.id()).answered()).count();
        model.put("answered", answered);
        model.put("total", askedItems.size());
        return model;
    }

    private static String fieldName(String field) {
        return switch (field) {
            case "answer" -> "回答";
            case "value" -> "数値";
            case "evidence" -> "証跡";
            case "remediation.action" -> "改善策";
            case "remediation.dueDate" -> "期限";
            default -> field.isEmpty() ? "回答" : field;
        };
    }

    static String formHref(String department, int fiscalYear) {
        return "/inspections/form?department=" + URLEncoder.encode(department, StandardCharsets.UTF_8) + "&fiscalYear=" + fiscalYear;
    }

    /** The department and fiscal year of a form, which the caller must be allowed to submit for. */
    private Target target(Caller caller, String department, String fiscalYear) {
        caller.requireRole(Action.INSPECTION_SUBMIT);
        String organization = caller.account().organization();
        if (organization == null) {
            throw new NotFoundException("inspection.form.organization", Map.of());
        }
        String name = checker.unit(organization, QueryParameters.required("department", department)).name();
        Integer year = QueryParameters.optionalYear(fiscalYear);
        int fy = year != null ? year : JapaneseDates.fiscalYearOf(LocalDate.now(clock.withZone(JAPAN)));
        caller.require(Action.INSPECTION_SUBMIT, organization, name);
        return new Target(organization, name, fy);
    }

    private record Target(String organization, String department, int fiscalYear) {
    }
}
