package jp.tenken.compliance;

import jakarta.inject.Singleton;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.account.Reach;
import jp.tenken.api.FindingView;
import jp.tenken.api.NotFoundException;
import jp.tenken.api.Summary;
import jp.tenken.audit.AuditService;
import jp.tenken.audit.AuditStanding;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.engine.Severity;
import jp.tenken.inspection.InspectionStatus;
import jp.tenken.inspection.InspectionStore;
import jp.tenken.inspection.CurrentStatus;
import jp.tenken.inspection.InspectionWaivers;
import jp.tenken.waiver.WaiverApplier;
import jp.tenken.organization.Department;
import jp.tenken.organization.DepartmentDirectory;
import jp.tenken.organization.OrganizationRegistry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The auditors' list: one line per department of the registry (groups excluded) with its status for
 * the fiscal year, its current self-inspection, its last audit and its open corrective actions.
 */
@Singleton
public class ComplianceService {

    private final OrganizationRegistry organizations;
    private final InspectionStore inspections;
    private final ComplianceRules rules;
    private final RuleBase ruleBase;
    private final AuditService audits;
    private final ChecklistRegistry checklists;
    private final InspectionWaivers waivers;

    public ComplianceService(OrganizationRegistry organizations, InspectionStore inspections, ComplianceRules rules,
                             RuleBase ruleBase, AuditService audits, ChecklistRegistry checklists, InspectionWaivers waivers) {
        this.checklists = checklists;
        this.waivers = waivers;
        this.organizations = organizations;
        this.inspections = inspections;
        this.rules = rules;
        this.ruleBase = ruleBase;
        this.audits = audits;
    }

    /**
     * The compliance list of a fiscal year: a line per department the caller may see (an officer,
     * its own departments only).
     */
    public ComplianceList units(Caller caller, String organization, int fiscalYear, InspectionStatus status, LocalDate asOf,
                                Language language) {
        Reach reach = caller.requireReach(Action.COMPLIANCE_READ, organization);
        DepartmentDirectory directory = organizations.directory(organization)
                .orElseThrow(() -> new NotFoundException("organization.unknown", Map.of("id", organization)));
        List<String> units = directory.units().stream().map(Department::name).filter(reach::includes).toList();
        // One mechanism for every finding of the list (CONTRACT §12): read with its line's department.
        WaiverApplier.Holding holding = waivers.holding(organization, asOf);
        Map<String, CurrentStatus> current = inspections.currentStatuses(organization, fiscalYear, asOf).stream()
                .map(s -> s.waived(waivers, holding))
                .collect(Collectors.toMap(CurrentStatus::department, Function.identity(), (a, b) -> b));
        List<Finding> findings = rules.evaluate(new ComplianceInput(fiscalYear, asOf, units, List.copyOf(current.keySet())));
        Map<String, List<Finding>> findingsOfUnit = findings.stream()
                .filter(f -> f.target().department() != null)
                .collect(Collectors.groupingBy(f -> f.target().department()));
        AuditStanding standing = audits.standing(organization, fiscalYear, asOf);

        List<UnitCompliance> lines = new ArrayList<>();
        for (String unit : units) {
            CurrentStatus inspection = current.get(unit);
            List<Finding> own = new ArrayList<>(findingsOfUnit.getOrDefault(unit, List.of()));
            own.addAll(standing.findingsOn(unit));
            own.sort(null);
            own = holding.apply(WaiverApplier.department(unit), own);
            InspectionStatus unitStatus = statusOf(inspection, own);
            if (status != null && status != unitStatus) {
                continue;
            }
            Summary summary = inspection == null ? null : Summary.of(inspection.findings());
            lines.add(new UnitCompliance(unit, unitStatus,
                    new UnitCompliance.SelfInspection(inspection != null, inspection == null ? null : inspection.id(),
                            summary == null ? null : summary.errors(), summary == null ? null : summary.warnings()),
                    standing.lastAuditedFiscalYear(unit), standing.openActions(unit),
                    FindingView.of(own, ruleBase.messages(), language)));
        }
        return new ComplianceList(organization, fiscalYear, asOf, lines,
                reach.includes(directory.securityOffice()) ? organizationLevel(directory.securityOffice(), current, language) : null);
    }

    /**
     * The organization-level shortfalls (shown to those who may see the security office's line, as the
     * rest of the list shows a caller only the departments it may see): the findings of the security office's current self-inspection
     * that concern organization-level items of the checklist (of the version it answered).
     */
    private ComplianceList.OrganizationLevel organizationLevel(String office, Map<String, CurrentStatus> current, Language language) {
        if (office == null) {
            return null;
        }
        CurrentStatus inspection = current.get(office);
        if (inspection == null) {
            return new ComplianceList.OrganizationLevel(office, false, null, null, List.of());
        }
        Checklist checklist = inspections.find(inspection.id())
                .flatMap(s -> checklists.checklist(s.checklistId(), s.checklistVersion())).orElse(null);
        if (checklist == null) {
            return new ComplianceList.OrganizationLevel(office, true, inspection.id(), null, List.of());
        }
        List<Finding> organizationLevel = inspection.findings().stream()
                .filter(f -> InspectionStatus.organizationLevel(f, checklist)).sorted().toList();
        return new ComplianceList.OrganizationLevel(office, true, inspection.id(),
                InspectionStatus.ofOrganizationLevel(organizationLevel, checklist),
                FindingView.of(organizationLevel, ruleBase.messages(), language));
    }

    /**
     * The corrective actions open on {@code asOf}, of the departments the caller may see, in the
     * registry's order: the list the exports of the compliance list add for the auditors.
     */
    public List<AuditStanding.OpenAction> openActions(Caller caller, String organization, int fiscalYear, LocalDate asOf) {
        Reach reach = caller.requireReach(Action.COMPLIANCE_READ, organization);
        DepartmentDirectory directory = organizations.directory(organization)
                .orElseThrow(() -> new NotFoundException("organization.unknown", Map.of("id", organization)));
        AuditStanding standing = audits.standing(organization, fiscalYear, asOf);
        return directory.units().stream().map(Department::name).filter(reach::includes)
                .flatMap(unit -> standing.openActionsOf(unit).stream()).toList();
    }

    /**
     * As CONTRACT §5 says: NON_COMPLIANT without a self-inspection for the year (SI-NOT-SUBMITTED) or
     * with an overdue corrective action on a HIGH audit finding; otherwise the status of the current
     * self-inspection. Other audit findings are listed on the line but do not change the status. A
     * finding accepted under a waiver that holds changes nothing (CONTRACT §12); a line without a
     * self-inspection whose SI-NOT-SUBMITTED is waived has no other reason to be NON_COMPLIANT.
     */
    static InspectionStatus statusOf(CurrentStatus inspection, List<Finding> own) {
        boolean blocking = own.stream().anyMatch(f -> !f.isWaived() && f.severity() == Severity.ERROR && (!f.ruleId().startsWith("AUDIT-")
                || (f.ruleId().equals(OVERDUE) && "HIGH".equals(f.params().get("findingSeverity")))));
        if (inspection == null) {
            // Not submitted: SI-NOT-SUBMITTED, unless a waiver holds for it (CONTRACT §12).
            boolean waivedNotSubmitted = own.stream().anyMatch(f -> f.isWaived() && f.ruleId().equals(NOT_SUBMITTED));
            return blocking || !waivedNotSubmitted ? InspectionStatus.NON_COMPLIANT : InspectionStatus.COMPLIANT;
        }
        return blocking ? InspectionStatus.NON_COMPLIANT : inspection.status();
    }

    private static final String OVERDUE = "AUDIT-ACTION-OVERDUE";
    private static final String NOT_SUBMITTED = "SI-NOT-SUBMITTED";
}
