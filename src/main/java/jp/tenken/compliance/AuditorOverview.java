package jp.tenken.compliance;

import jakarta.inject.Singleton;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.audit.AuditService;
import jp.tenken.audit.CoverageReport;
import jp.tenken.engine.Language;
import jp.tenken.inspection.InspectionStatus;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.web.PageLinks;
import jp.tenken.web.StatusWords;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's home in figures (CONTRACT §8): this fiscal year's departments per status, those
 * without a self-inspection, open and overdue corrective actions, the audit coverage; each with a
 * link to the list behind it. The figures are counted from {@link ComplianceService}'s and
 * {@link AuditService}'s answers, as the API gives them.
 */
@Singleton
public class AuditorOverview {

    private static final String OVERDUE = "AUDIT-ACTION-OVERDUE";
    /** The departments needing attention listed on the home; the list page has them all. */
    private static final int LISTED = 8;

    private final ComplianceService compliance;
    private final AuditService audits;
    private final OrganizationRegistry registry;

    AuditorOverview(ComplianceService compliance, AuditService audits, OrganizationRegistry registry) {
        this.compliance = compliance;
        this.audits = audits;
        this.registry = registry;
    }

    /** The home's model entries for the caller's organization and fiscal year. */
    public Map<String, Object> summary(Caller caller, int fiscalYear, LocalDate today) {
        Map<String, Object> model = new LinkedHashMap<>();
        String organization = caller.account().organization();
        if (organization == null || registry.directory(organization).isEmpty()) {
            model.put("unknownOrganization", true);
            return model;
        }
        model.put("unknownOrganization", false);
        ComplianceList list = compliance.units(caller, organization, fiscalYear, null, today, Language.JA);
        Map<InspectionStatus, Integer> totals = new EnumMap<>(InspectionStatus.class);
        list.units().forEach(u -> totals.merge(u.status(), 1, Integer::sum));
        model.put("total", list.units().size());
        model.put("statuses", CompliancePage.WORST_FIRST.stream().map(s -> Map.of("value", s.name(), "word", StatusWords.of(s),
                "count", totals.getOrDefault(s, 0),
                "href", "/compliance?fiscalYear=" + fiscalYear + "&status=" + s.name())).toList());
        model.put("notSubmitted", list.units().stream().filter(u -> !u.selfInspection().submitted()).count());
        model.put("openActions", list.units().stream().mapToInt(UnitCompliance::openAuditActions).sum());
        model.put("overdueActions", list.units().stream().flatMap(u -> u.findings().stream()).filter(f -> OVERDUE.equals(f.ruleId())).count());
        List<Map<String, Object>> attention = list.units().stream().filter(u -> u.status() == InspectionStatus.NON_COMPLIANT)
                .limit(LISTED).map(u -> Map.<String, Object>of("name", u.department(), "href", PageLinks.department(u.department()),
                        "status", u.status().name(), "statusWord", StatusWords.of(u.status()),
                        "reason", u.findings().isEmpty() ? "" : u.findings().get(0).message())).toList();
        model.put("attention", attention);
        model.put("moreAttention", Math.max(0, totals.getOrDefault(InspectionStatus.NON_COMPLIANT, 0) - LISTED));
        CoverageReport coverage = audits.coverage(caller, organization, fiscalYear, today, Language.JA);
        model.put("auditedCount", coverage.auditedCount());
        model.put("notAuditedCount", coverage.notAuditedWithinCycle().size());
        model.put("rotationYears", coverage.rotationYears());
        model.put("mayRecord", caller.may(Action.AUDIT_WRITE, organization));
        model.put("complianceHref", "/compliance?fiscalYear=" + fiscalYear);
        model.put("coverageHref", "/audits/coverage?fiscalYear=" + fiscalYear);
        return model;
    }
}
