package jp.tenken.compliance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import jp.tenken.account.Caller;
import jp.tenken.api.FindingView;
import jp.tenken.api.QueryParameters;
import jp.tenken.engine.Language;
import jp.tenken.inspection.InspectionStatus;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.Layout;
import jp.tenken.web.PageLinks;
import jp.tenken.web.PageOrganization;
import jp.tenken.web.StatusWords;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's compliance list of a fiscal year (CONTRACT §8): a line per department with its
 * status word, filtered by status, sorted by department (the registry's order) or by status (the
 * worst first), with the totals per status and the CSV, Excel and PDF of
 * {@code GET /api/v1/compliance/units} (judged as of the day the page shows, like the page).
 * The lines are {@link ComplianceService}'s, as the API answers them.
 */
@Controller("/compliance")
class CompliancePage {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** The order of the status sort and of the totals: what needs attention first. */
    static final List<InspectionStatus> WORST_FIRST =
            List.of(InspectionStatus.NON_COMPLIANT, InspectionStatus.NEEDS_IMPROVEMENT, InspectionStatus.COMPLIANT);

    private final Layout layout;
    private final ComplianceService compliance;
    private final PageOrganization organizations;
    private final Clock clock;

    CompliancePage(Layout layout, ComplianceService compliance, PageOrganization organizations, Clock clock) {
        this.layout = layout;
        this.compliance = compliance;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(Caller caller, @Nullable @QueryValue String organization,
                                           @Nullable @QueryValue String fiscalYear, @Nullable @QueryValue String status,
                                           @Nullable @QueryValue String sort) {
        LocalDate today = LocalDate.now(clock.withZone(JAPAN));
        String org = organizations.of(caller, organization);
        Integer asked = QueryParameters.optionalYear(fiscalYear);
        int fy = asked != null ? asked : JapaneseDates.fiscalYearOf(today);
        InspectionStatus wanted = ComplianceController.status(status);
        boolean byStatus = "status".equals(sort);

        // The whole list, once: the totals count every line, the filter keeps the lines of one status.
        ComplianceList list = compliance.units(caller, org, fy, null, today, Language.JA);
        Map<InspectionStatus, Integer> totals = new EnumMap<>(InspectionStatus.class);
        list.units().forEach(u -> totals.merge(u.status(), 1, Integer::sum));
        List<UnitCompliance> shown = new ArrayList<>(list.units().stream()
                .filter(u -> wanted == null || u.status() == wanted).toList());
        if (byStatus) {
            shown.sort(Comparator.comparingInt(u -> WORST_FIRST.indexOf(u.status()))); // stable: registry order within a status
        }

        Map<String, Object> model = layout.model(caller, "適合状況一覧 " + JapaneseDates.fiscalYear(fy));
        model.put("organization", org);
        model.put("organizationName", layout.organizationName(org));
        model.put("fiscalYear", fy);
        model.put("fiscalYearLabel", JapaneseDates.fiscalYear(fy));
        model.put("today", JapaneseDates.date(today));
        model.put("years", years(JapaneseDates.fiscalYearOf(today), fy));
        model.put("status", wanted == null ? "" : wanted.name());
        model.put("sort", byStatus ? "status" : "department");
        model.put("statuses", WORST_FIRST.stream().map(s -> Map.of("value", s.name(), "word", StatusWords.of(s),
                "count", totals.getOrDefault(s, 0), "href", "/compliance?fiscalYear=" + fy + "&status=" + s.name())).toList());
        model.put("total", list.units().size());
        model.put("shownCount", shown.size());
        model.put("units", shown.stream().map(CompliancePage::row).toList());
        model.put("organizationLevel", organizationLevel(list.organizationLevel()));
        String export = "/api/v1/compliance/units?organization=" + PageLinks.query(org) + "&fiscalYear=" + fy
                + (wanted == null ? "" : "&status=" + wanted.name()) + "&asOf=" + today + "&format=";
        model.put("csvHref", export + "csv");
        model.put("xlsxHref", export + "xlsx");
        model.put("pdfHref", export + "pdf");
        model.put("coverageHref", "/audits/coverage?fiscalYear=" + fy);
        return new ModelAndView<>("compliance/list", model);
    }

    static List<Map<String, Object>> years(int current, int shown) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int y = Math.max(current + 1, shown); y >= Math.min(current - 5, shown); y--) {
            years.add(Map.of("value", y, "label", JapaneseDates.fiscalYear(y)));
        }
        return years;
    }

    private static Map<String, Object> row(UnitCompliance unit) {
        Map<String, Object> row = new LinkedHashMap<>();
        UnitCompliance.SelfInspection si = unit.selfInspection();
        row.put("department", unit.department());
        row.put("href", PageLinks.department(unit.department()));
        row.put("status", unit.status().name());
        row.put("statusWord", StatusWords.of(unit.status()));
        row.put("submitted", si.submitted());
        row.put("inspectionHref", si.id() == null ? "" : "/inspections/" + si.id());
        row.put("errors", si.errors() == null ? "" : si.errors());
        row.put("warnings", si.warnings() == null ? "" : si.warnings());
        row.put("lastAudited", unit.lastAuditedFiscalYear() == null ? "—" : JapaneseDates.fiscalYear(unit.lastAuditedFiscalYear()));
        row.put("openActions", unit.openAuditActions());
        row.put("findings", unit.findings().stream().map(CompliancePage::finding).toList());
        return row;
    }

    /** The organization-level items' section: null (not shown) where the organization names no security office. */
    private static Map<String, Object> organizationLevel(ComplianceList.OrganizationLevel level) {
        if (level == null) {
            return null;
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("office", level.securityOffice());
        section.put("submitted", level.submitted());
        section.put("inspectionHref", level.inspectionId() == null ? "" : "/inspections/" + level.inspectionId());
        section.put("status", level.status() == null ? "" : level.status().name());
        section.put("statusWord", level.status() == null ? "未提出" : StatusWords.of(level.status()));
        section.put("findings", level.findings().stream().map(CompliancePage::finding).toList());
        return section;
    }

    static Map<String, Object> finding(FindingView f) {
        return Map.of("ruleId", f.ruleId(), "severity", f.severity().name(), "message", f.message(),
                "waived", f.waiver() != null,
                "waiverExpires", f.waiver() == null ? "" : jp.tenken.text.JapaneseDates.date(f.waiver().expiresOn()));
    }
}
