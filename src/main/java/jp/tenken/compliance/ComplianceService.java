package jp.tenken.compliance;

import jakarta.inject.Singleton;
import jp.tenken.api.FindingView;
import jp.tenken.api.NotFoundException;
import jp.tenken.api.Summary;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.engine.Severity;
import jp.tenken.inspection.InspectionStatus;
import jp.tenken.inspection.InspectionStore;
import jp.tenken.inspection.StoredInspection;
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
 * the fiscal year. A department is NON_COMPLIANT without a self-inspection, or when a compliance
 * rule reports an ERROR on it; otherwise it has the status of its current self-inspection.
 */
@Singleton
public class ComplianceService {

    private final OrganizationRegistry organizations;
    private final InspectionStore inspections;
    private final ComplianceRules rules;
    private final RuleBase ruleBase;

    public ComplianceService(OrganizationRegistry organizations, InspectionStore inspections, ComplianceRules rules,
                             RuleBase ruleBase) {
        this.organizations = organizations;
        this.inspections = inspections;
        this.rules = rules;
        this.ruleBase = ruleBase;
    }

    public ComplianceList units(String organization, int fiscalYear, InspectionStatus status, LocalDate asOf, Language language) {
        DepartmentDirectory directory = organizations.directory(organization)
                .orElseThrow(() -> new NotFoundException("organization.unknown", Map.of("id", organization)));
        List<String> units = directory.units().stream().map(Department::name).toList();
        Map<String, StoredInspection> current = inspections.current(organization, fiscalYear, null).stream()
                .collect(Collectors.toMap(StoredInspection::department, Function.identity(), (a, b) -> b));
        List<Finding> findings = rules.evaluate(new ComplianceInput(fiscalYear, asOf, units, List.copyOf(current.keySet())));
        Map<String, List<Finding>> findingsOfUnit = findings.stream()
                .filter(f -> f.target().department() != null)
                .collect(Collectors.groupingBy(f -> f.target().department()));

        List<UnitCompliance> lines = new ArrayList<>();
        for (String unit : units) {
            StoredInspection inspection = current.get(unit);
            List<Finding> own = findingsOfUnit.getOrDefault(unit, List.of());
            InspectionStatus unitStatus = statusOf(inspection, own);
            if (status != null && status != unitStatus) {
                continue;
            }
            Summary summary = inspection == null ? null : Summary.of(inspection.findings());
            lines.add(new UnitCompliance(unit, unitStatus,
                    new UnitCompliance.SelfInspection(inspection != null, inspection == null ? null : inspection.id(),
                            summary == null ? null : summary.errors(), summary == null ? null : summary.warnings()),
                    null, 0, FindingView.of(own, ruleBase.messages(), language)));
        }
        return new ComplianceList(organization, fiscalYear, asOf, lines);
    }

    private static InspectionStatus statusOf(StoredInspection inspection, List<Finding> own) {
        if (inspection == null || own.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return InspectionStatus.NON_COMPLIANT;
        }
        return inspection.status();
    }
}
