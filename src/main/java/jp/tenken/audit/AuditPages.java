package jp.tenken.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.NotFoundException;
import jp.tenken.api.QueryParameters;
import jp.tenken.checklist.ItemSeverity;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentReader;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Language;
import jp.tenken.organization.Department;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.Layout;
import jp.tenken.web.PageLinks;
import jp.tenken.web.PageOrganization;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auditor's audit pages (CONTRACT §8): the coverage and rotation of a fiscal year, the form
 * that records an audit, an audit with its findings, and marking a corrective action completed.
 * The form's fields become the JSON body of {@code POST /api/v1/audits}, read by the same
 * {@link DocumentReader} and recorded by the same {@link AuditService}: no check is made here.
 */
@Controller("/audits")
class AuditPages {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Rows of the form without script: an audit of a department has a few auditors and findings. */
    static final int AUDITOR_ROWS = 3;
    static final int FINDING_ROWS = 5;
    private static final Pattern ROW_PATH = Pattern.compile("^(auditors|findings)\\[(\\d+)](?:\\.(.*))?$");

    private final Layout layout;
    private final AuditService audits;
    private final DocumentReader reader;
    private final OrganizationRegistry registry;
    private final PageOrganization organizations;
    private final ObjectMapper json;
    private final Clock clock;

    AuditPages(Layout layout, AuditService audits, DocumentReader reader, OrganizationRegistry registry,
               PageOrganization organizations, ObjectMapper json, Clock clock) {
        this.layout = layout;
        this.audits = audits;
        this.reader = reader;
        this.registry = registry;
        this.organizations = organizations;
        this.json = json;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(JAPAN));
    }

    /** Coverage and rotation of a fiscal year, with the departments not audited within the cycle. */
    @Get(value = "/coverage", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> coverage(Caller caller, @Nullable @QueryValue String organization,
                                               @Nullable @QueryValue String fiscalYear) {
        LocalDate today = today();
        String org = organizations.of(caller, organization);
        Integer asked = QueryParameters.optionalYear(fiscalYear);
        int fy = asked != null ? asked : JapaneseDates.fiscalYearOf(today);
        CoverageReport report = audits.coverage(caller, org, fy, today, Language.JA);
        Map<String, Object> model = layout.model(caller, "監査の実施状況 " + JapaneseDates.fiscalYear(fy));
        model.put("organizationName", layout.organizationName(org));
        model.put("fiscalYear", fy);
        model.put("fiscalYearLabel", JapaneseDates.fiscalYear(fy));
        model.put("previousYearLabel", JapaneseDates.fiscalYear(fy - 1));
        model.put("cycleLabel", JapaneseDates.fiscalYear(fy - report.rotationYears() + 1) + "〜" + JapaneseDates.fiscalYear(fy));
        model.put("years", years(JapaneseDates.fiscalYearOf(today), fy));
        model.put("rotationYears", report.rotationYears());
        model.put("auditedCount", report.auditedCount());
        model.put("previousYearCount", report.previousYearCount());
        model.put("audited", report.audited().stream().map(d -> Map.of("name", d, "href", PageLinks.department(d))).toList());
        boolean mayRecord = caller.may(Action.AUDIT_WRITE, org);
        model.put("notAudited", report.notAuditedWithinCycle().stream().map(d -> Map.of("name", d, "href", PageLinks.department(d),
                "recordHref", mayRecord ? "/audits/new?department=" + PageLinks.query(d) + "&fiscalYear=" + fy : "")).toList());
        // The coverage report belongs to no department: a finding is waived by its own target (CONTRACT §12).
        boolean mayWaive = caller.may(Action.WAIVER_WRITE, org);
        String back = "/audits/coverage?fiscalYear=" + fy + "&organization=" + PageLinks.query(org);
        model.put("findings", report.findings().stream()
                .map(f -> jp.tenken.waiver.WaiverForms.finding(f, org, Map.of(), mayWaive, back)).toList());
        return new ModelAndView<>("audit/coverage", model);
    }

    /** The empty form, for a department when {@code ?department=} names one. */
    @Get(value = "/new", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form(Caller caller, @Nullable @QueryValue String department,
                                           @Nullable @QueryValue String fiscalYear, @Nullable @QueryValue String organization) {
        caller.requireRole(Action.AUDIT_WRITE);
        String org = organizations.of(caller, organization);
        caller.require(Action.AUDIT_WRITE, org);
        LocalDate today = today();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("organization", org);
        fields.put("department", department == null ? "" : department);
        fields.put("fiscalYear", fiscalYear == null || fiscalYear.isBlank() ? String.valueOf(JapaneseDates.fiscalYearOf(today)) : fiscalYear);
        fields.put("auditedOn", today.toString());
        return new ModelAndView<>("audit/form", formModel(caller, org, fields, Map.of(), List.of()));
    }

    /** Records the audit (303 to it) or answers the form again, as typed, with each error beside its field. */
    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> record(Caller caller, @Body Map<String, String> fields) {
        caller.requireRole(Action.AUDIT_WRITE);
        String org = organizations.of(caller, fields.get("organization"));
        List<Integer> auditorRows = new ArrayList<>();
        List<Integer> findingRows = new ArrayList<>();
        byte[] body = body(org, fields, auditorRows, findingRows);
        try {
            AuditRecord record = reader.read(body, DocumentFormat.JSON, AuditRecord.class);
            AuditResponse recorded = audits.record(caller, record, today(), Language.JA);
            return HttpResponse.seeOther(URI.create(PageLinks.audit(recorded.id()) + "?recorded"));
        } catch (DocumentRejectedException e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            List<String> general = new ArrayList<>();
            for (Problem problem : e.problems()) {
                String field = fieldOf(problem.path(), auditorRows, findingRows);
                if (field == null) {
                    general.add((problem.path().isEmpty() ? "" : problem.path() + ": ") + problem.message(Language.JA));
                } else {
                    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(label(problem.path()) + problem.message(Language.JA));
                }
            }
            Map<String, Object> model = formModel(caller, org, fields, errors, general);
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("audit/form", model));
        }
    }

    /** An audit: its record, what the audit rules find in it today, and a completion form per corrective action. */
    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> show(Caller caller, String id, @Nullable @QueryValue String recorded,
                                           @Nullable @QueryValue String completed) {
        AuditResponse audit = audits.find(caller, id, today(), Language.JA);
        String notice = recorded != null ? "監査を記録しました。" : completed != null ? "是正措置の完了を記録しました。" : null;
        return new ModelAndView<>("audit/show", auditModel(caller, audit, notice, null, List.of()));
    }

    /** Marks a finding's corrective action completed on a date (a later one corrects it, with a reason). */
    @Post(value = "/{id}/findings/{findingId}/completion", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> complete(Caller caller, String id, String findingId, @Body Map<String, String> fields) {
        caller.requireRole(Action.AUDIT_WRITE);
        Map<String, Object> completion = new LinkedHashMap<>();
        completion.put("completedOn", blankToNull(fields.get("completedOn")));
        completion.put("reason", blankToNull(fields.get("reason")));
        try {
            Completion read = reader.read(write(completion), DocumentFormat.JSON, Completion.class);
            audits.complete(caller, id, findingId, read, today(), Language.JA);
            return HttpResponse.seeOther(URI.create(PageLinks.audit(id) + "?completed#finding-" + PageLinks.segment(findingId)));
        } catch (DocumentRejectedException e) {
            AuditResponse audit = audits.find(caller, id, today(), Language.JA);
            List<String> errors = e.problems().stream().map(p -> label(p.path()) + p.message(Language.JA)).toList();
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("audit/show", auditModel(caller, audit, null, findingId, errors)));
        }
    }

    private Map<String, Object> auditModel(Caller caller, AuditResponse audit, String notice, String errorFinding, List<String> errors) {
        LocalDate today = today();
        Map<String, Object> model = layout.model(caller, audit.department() + " 監査 " + JapaneseDates.date(audit.auditedOn()));
        model.put("notice", notice);
        model.put("id", audit.id());
        model.put("department", audit.department());
        model.put("departmentHref", PageLinks.department(audit.department()));
        model.put("fiscalYearLabel", JapaneseDates.fiscalYear(audit.fiscalYear()));
        model.put("auditedOn", JapaneseDates.date(audit.auditedOn()));
        model.put("auditors", AuditRows.auditors(audit.record().auditors()));
        model.put("recordedBy", audit.recordedBy() == null ? "" : audit.recordedBy());
        // For an auditor, each rule finding with its 'waive' form (CONTRACT §12), read with the audit's department.
        boolean mayWaive = caller.may(Action.WAIVER_WRITE, audit.organization());
        model.put("ruleFindings", audit.findings().stream().map(f -> jp.tenken.waiver.WaiverForms.finding(f, audit.organization(),
                jp.tenken.waiver.WaiverApplier.department(audit.department()), mayWaive, PageLinks.audit(audit.id()))).toList());
        model.put("mayComplete", caller.may(Action.AUDIT_WRITE, audit.organization()));
        model.put("today", today.toString());
        model.put("rows", audit.record().findings().stream().map(f -> {
            Map<String, Object> row = AuditRows.action(audit, f, today);
            row.put("completionAction", PageLinks.audit(audit.id()) + "/findings/" + PageLinks.segment(f.id()) + "/completion");
            row.put("errors", f.id().equals(errorFinding) ? errors : List.of());
            return row;
        }).toList());
        return model;
    }

    private Map<String, Object> formModel(Caller caller, String org, Map<String, String> fields, Map<String, List<String>> errors,
                                          List<String> general) {
        Map<String, Object> model = layout.model(caller, "監査の記録");
        model.put("organization", org);
        model.put("organizationName", layout.organizationName(org));
        List<String> units = registry.directory(org).map(d -> d.units().stream().map(Department::name).toList())
                .orElseThrow(() -> new NotFoundException("organization.unknown", Map.of("id", org)));
        model.put("units", units);
        model.put("severities", List.of(ItemSeverity.HIGH.name(), ItemSeverity.MEDIUM.name(), ItemSeverity.LOW.name()).stream()
                .map(s -> Map.of("value", s, "word", AuditRows.severityWord(s))).toList());
        model.put("f", fields);
        model.put("errors", errors);
        model.put("generalErrors", general);
        model.put("errorSummary", errors.isEmpty() && general.isEmpty() ? null : "記録できませんでした。赤字の項目を直してください。");
        List<Map<String, Object>> auditorRows = new ArrayList<>();
        for (int i = 0; i < AUDITOR_ROWS; i++) {
            auditorRows.add(Map.of("n", i, "name", fields.getOrDefault("auditorName." + i, ""),
                    "department", fields.getOrDefault("auditorDepartment." + i, ""),
                    "errors", errors.getOrDefault("auditors." + i, List.of())));
        }
        model.put("auditorRows", auditorRows);
        List<Map<String, Object>> findingRows = new ArrayList<>();
        for (int i = 0; i < FINDING_ROWS; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", i);
            for (String name : List.of("id", "itemId", "severity", "description", "action", "due")) {
                row.put(name, fields.getOrDefault("finding." + i + "." + name, ""));
            }
            row.put("errors", errors.getOrDefault("findings." + i, List.of()));
            findingRows.add(row);
        }
        model.put("findingRows", findingRows);
        return model;
    }

    /**
     * The JSON body of {@code POST /api/v1/audits} the form's fields stand for. Rows left empty are
     * left out; {@code auditorRows} and {@code findingRows} receive the form row of each item sent, so
     * that an error at {@code findings[1]} is shown beside the row it came from. Values are sent as
     * typed (a year that is no number as text), for the reader to refuse as it refuses the API's.
     */
    private byte[] body(String org, Map<String, String> fields, List<Integer> auditorRows, List<Integer> findingRows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", org);
        body.put("department", fields.getOrDefault("department", ""));
        String year = fields.getOrDefault("fiscalYear", "").trim();
        body.put("fiscalYear", year.isEmpty() ? null : year.matches("[0-9]{1,9}") ? (Object) Integer.parseInt(year) : year);
        body.put("auditedOn", blankToNull(fields.get("auditedOn")));
        List<Map<String, Object>> auditors = new ArrayList<>();
        for (int i = 0; i < AUDITOR_ROWS; i++) {
            String name = fields.getOrDefault("auditorName." + i, "").trim();
            String department = fields.getOrDefault("auditorDepartment." + i, "").trim();
            if (!name.isEmpty() || !department.isEmpty()) {
                Map<String, Object> auditor = new LinkedHashMap<>();
                auditor.put("name", name);
                auditor.put("department", department);
                auditors.add(auditor);
                auditorRows.add(i);
            }
        }
        body.put("auditors", auditors);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (int i = 0; i < FINDING_ROWS; i++) {
            String prefix = "finding." + i + ".";
            String action = blankToNull(fields.get(prefix + "action"));
            String due = blankToNull(fields.get(prefix + "due"));
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("id", blankToNull(fields.get(prefix + "id")));
            finding.put("itemId", blankToNull(fields.get(prefix + "itemId")));
            finding.put("severity", blankToNull(fields.get(prefix + "severity")));
            finding.put("description", blankToNull(fields.get(prefix + "description")));
            if (action != null || due != null) {
                Map<String, Object> corrective = new LinkedHashMap<>();
                corrective.put("action", action);
                corrective.put("dueDate", due);
                finding.put("correctiveAction", corrective);
            }
            if (finding.values().stream().anyMatch(v -> v != null)) {
                findings.add(finding);
                findingRows.add(i);
            }
        }
        body.put("findings", findings);
        return write(body);
    }

    private byte[] write(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The form field a problem's path belongs to: a row of auditors or findings, a top field, or null for the whole. */
    static String fieldOf(String path, List<Integer> auditorRows, List<Integer> findingRows) {
        Matcher m = ROW_PATH.matcher(path);
        if (m.matches()) {
            List<Integer> rows = m.group(1).equals("auditors") ? auditorRows : findingRows;
            int index = Integer.parseInt(m.group(2));
            return index < rows.size() ? m.group(1) + "." + rows.get(index) : null;
        }
        return switch (path) {
            case "department", "fiscalYear", "auditedOn", "auditors", "findings" -> path;
            default -> null;
        };
    }

    /** The field's Japanese name before its message: "期限: …". */
    static String label(String path) {
        String last = path.replaceAll("^.*\\]\\.?", "");
        String name = switch (last) {
            case "name" -> "氏名";
            case "department" -> path.startsWith("auditors") ? "所属" : "";
            case "id" -> "指摘ID";
            case "itemId" -> "項目";
            case "severity" -> "重要度";
            case "description" -> "内容";
            case "correctiveAction.action" -> "是正措置";
            case "correctiveAction.dueDate" -> "期限";
            case "correctiveAction.completedOn", "completedOn" -> "完了日";
            case "reason" -> "訂正の理由";
            default -> "";
        };
        return name.isEmpty() ? "" : name + ": ";
    }

    static List<Map<String, Object>> years(int current, int shown) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int y = Math.max(current + 1, shown); y >= Math.min(current - 5, shown); y--) {
            years.add(Map.of("value", y, "label", JapaneseDates.fiscalYear(y)));
        }
        return years;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
