package jp.tenken.compliance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.NotFoundException;
import jp.tenken.audit.AuditFinding;
import jp.tenken.audit.AuditResponse;
import jp.tenken.audit.AuditService;
import jp.tenken.audit.AuditRows;
import jp.tenken.engine.Language;
import jp.tenken.inspection.InspectionService;
import jp.tenken.inspection.StoredInspection;
import jp.tenken.organization.Department;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.Layout;
import jp.tenken.web.PageLinks;
import jp.tenken.web.PageOrganization;
import jp.tenken.web.StatusWords;
import jp.tenken.api.FindingView;
import jp.tenken.waiver.WaiverApplier;
import jp.tenken.waiver.WaiverForms;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A department's page (CONTRACT §8): this fiscal year's status, its self-inspections over the
 * years, its audits, and the corrective actions those ordered with their due dates and completions.
 * Everything comes from the services the API calls, with their permissions (an officer sees only
 * its own departments).
 */
@Controller("/departments")
class DepartmentPage {

    private final Layout layout;
    private final ComplianceService compliance;
    private final InspectionService inspections;
    private final AuditService audits;
    private final OrganizationRegistry registry;
    private final PageOrganization organizations;
    private final Clock clock;
    private final jp.tenken.engine.RuleBase ruleBase;

    DepartmentPage(Layout layout, ComplianceService compliance, InspectionService inspections, AuditService audits,
                   OrganizationRegistry registry, PageOrganization organizations, Clock clock, jp.tenken.engine.RuleBase ruleBase) {
        this.ruleBase = ruleBase;
        this.layout = layout;
        this.compliance = compliance;
        this.inspections = inspections;
        this.audits = audits;
        this.registry = registry;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Get(value = "/{name}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> show(Caller caller, String name, @Nullable @QueryValue String organization) {
        LocalDate today = LocalDate.now(clock.withZone(CompliancePage.JAPAN));
        int fiscalYear = JapaneseDates.fiscalYearOf(today);
        String org = organizations.of(caller, organization);
        // Who may see the department is asked first, so that another organization's user gets 403, not a 404 about its names.
        caller.requireReach(Action.COMPLIANCE_READ, org);
        String department = registry.directory(org).flatMap(d -> d.resolve(name)).filter(d -> !d.group()).map(Department::name)
                .orElseThrow(() -> new NotFoundException("page.department.unknown", Map.of("department", name)));
        caller.require(Action.COMPLIANCE_READ, org, department);

        Map<String, Object> model = layout.model(caller, department);
        boolean mayWaive = caller.may(Action.WAIVER_WRITE, org);
        String back = PageLinks.department(department, org);
        model.put("department", department);
        model.put("organizationName", layout.organizationName(org));
        model.put("fiscalYearLabel", JapaneseDates.fiscalYear(fiscalYear));
        model.put("today", JapaneseDates.date(today));
        compliance.units(caller, org, fiscalYear, null, today, Language.JA).units().stream()
                .filter(u -> u.department().equals(department)).findFirst().ifPresent(line -> {
                    model.put("status", line.status().name());
                    model.put("statusWord", StatusWords.of(line.status()));
                    model.put("findings", line.findings().stream()
                            .map(f -> WaiverForms.finding(f, org, WaiverApplier.department(department), mayWaive, back)).toList());
                });

        List<StoredInspection> submitted = new ArrayList<>(inspections.current(caller, org, null, department));
        submitted.sort(Comparator.comparingInt(StoredInspection::fiscalYear).reversed());
        // This fiscal year's self-inspection's findings, which decide its status: each may be waived by an auditor.
        model.put("inspectionFindings", submitted.stream().filter(s -> s.fiscalYear() == fiscalYear).findFirst()
                .map(s -> FindingView.of(s.findings(), ruleBase.messages(), Language.JA).stream()
                        .map(f -> WaiverForms.finding(f, org, WaiverApplier.department(department), mayWaive, back)).toList())
                .orElse(List.of()));
        model.put("inspections", submitted.stream().map(DepartmentPage::inspectionRow).toList());

        List<AuditResponse> held = new ArrayList<>(audits.list(caller, org, null, department, today, Language.JA));
        held.sort(Comparator.comparing(AuditResponse::auditedOn).reversed());
        model.put("audits", held.stream().map(DepartmentPage::auditRow).toList());
        List<Map<String, Object>> actions = new ArrayList<>();
        for (AuditResponse audit : held) {
            for (AuditFinding finding : audit.record().findings()) {
                if (finding.correctiveAction() != null) {
                    actions.add(AuditRows.action(audit, finding, today));
                }
            }
        }
        model.put("actions", actions);
        model.put("mayRecord", caller.may(Action.AUDIT_WRITE, org));
        model.put("newAuditHref", "/audits/new?department=" + PageLinks.query(department));
        return new ModelAndView<>("compliance/department", model);
    }

    private static Map<String, Object> inspectionRow(StoredInspection inspection) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fiscalYear", JapaneseDates.fiscalYear(inspection.fiscalYear()));
        row.put("status", inspection.status().name());
        row.put("statusWord", StatusWords.of(inspection.status()));
        row.put("submittedOn", JapaneseDates.date(inspection.submittedOn()));
        row.put("submittedBy", inspection.submittedBy() == null ? "" : inspection.submittedBy());
        row.put("href", "/inspections/" + inspection.id());
        return row;
    }

    private static Map<String, Object> auditRow(AuditResponse audit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", audit.id());
        row.put("href", PageLinks.audit(audit.id()));
        row.put("fiscalYear", JapaneseDates.fiscalYear(audit.fiscalYear()));
        row.put("auditedOn", JapaneseDates.date(audit.auditedOn()));
        row.put("auditors", AuditRows.auditors(audit.record().auditors()));
        row.put("findingCount", audit.record().findings().size());
        row.put("highCount", audit.record().findings().stream().filter(f -> f.severity().name().equals("HIGH")).count());
        row.put("recordedBy", audit.recordedBy() == null ? "" : audit.recordedBy());
        return row;
    }
}
