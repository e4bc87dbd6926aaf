package jp.tenken.audit;

import jakarta.inject.Singleton;
import jp.tenken.audit.facts.AsOf;
import jp.tenken.audit.facts.AuditFact;
import jp.tenken.audit.facts.AuditFindingFact;
import jp.tenken.audit.facts.AuditUnit;
import jp.tenken.audit.facts.AuditedIn;
import jp.tenken.audit.facts.AuditorFact;
import jp.tenken.audit.facts.CoverageYear;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Finding;
import jp.tenken.engine.RuleBase;
import jp.tenken.organization.Department;
import jp.tenken.organization.DepartmentDirectory;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.text.TextKeys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the audit rules (rules/audit): on audit records (independence, corrective actions, as of a
 * date) and on an organization's coverage (rotation, growth). Refuses records for unknown or group
 * departments (422), with duplicate finding ids or impossible dates ({@link AuditDates}, 400).
 */
@Singleton
public final class AuditChecker {

    static final String FAMILY = "audit";

    private final RuleBase ruleBase;
    private final OrganizationRegistry organizations;

    public AuditChecker(RuleBase ruleBase, OrganizationRegistry organizations) {
        this.ruleBase = ruleBase;
        this.organizations = organizations;
    }

    /** The record with the audited department under its registry name, or a refusal naming the field. */
    public AuditRecord validate(AuditRecord record) {
        DepartmentDirectory directory = organizations.requireDirectory(record.organization());
        Department unit = directory.requireUnit(record.department(), "department");
        for (int i = 0; i < record.auditors().size(); i++) {
            directory.requireUnit(record.auditors().get(i).department(), "auditors[" + i + "].department");
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < record.findings().size(); i++) {
            AuditFinding finding = record.findings().get(i);
            if (!ids.add(finding.id())) {
                problems.add(Problem.of("findings[" + i + "].id", "audit.finding.duplicate", "id", finding.id()));
            }
        }
        // The audit is judged against today, not the request's asOf: asOf only chooses the date the
        // findings are shown as of, while the record is kept for good (the completion endpoint does the same).
        problems.addAll(AuditDates.problems(record, jp.tenken.text.JapaneseDates.today()));
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED, "document.invalid", problems);
        }
        return new AuditRecord(record.organization(), unit.name(), record.fiscalYear(), record.auditedOn(),
                record.auditors(), record.findings());
    }

    /** The findings of audit records as of a date. */
    public List<Finding> check(Map<String, AuditRecord> recordsById, LocalDate asOf) {
        List<Object> facts = new ArrayList<>();
        facts.add(new AsOf(asOf));
        recordsById.forEach((id, record) -> addFacts(facts, id, record));
        return ruleBase.evaluate(FAMILY, facts, Map.of());
    }

    private void addFacts(List<Object> facts, String auditId, AuditRecord record) {
        DepartmentDirectory directory = organizations.directory(record.organization()).orElse(null);
        facts.add(new AuditFact(auditId, record.department(), key(directory, record.department()), record.fiscalYear()));
        for (int i = 0; i < record.auditors().size(); i++) {
            Auditor auditor = record.auditors().get(i);
            facts.add(new AuditorFact(auditId, i, auditor.name(), auditor.department(), key(directory, auditor.department())));
        }
        for (int i = 0; i < record.findings().size(); i++) {
            AuditFinding finding = record.findings().get(i);
            CorrectiveAction action = finding.correctiveAction();
            facts.add(new AuditFindingFact(auditId, record.department(), record.fiscalYear(), i, finding.id(), finding.itemId(),
                    finding.severity().name(), action != null && action.planned(),
                    action == null ? null : action.dueDate(), action == null ? null : action.completedOn()));
        }
    }

    /** Departments compare by the registry name an alias or former name stands for. */
    private static String key(DepartmentDirectory directory, String name) {
        String resolved = directory == null ? name : directory.resolve(name).map(Department::name).orElse(name);
        return TextKeys.departmentKey(resolved);
    }

    /** The coverage findings of a fiscal year: departments out of rotation, coverage that did not grow. */
    public List<Finding> coverage(CoverageInput input) {
        List<Object> facts = new ArrayList<>();
        facts.add(new CoverageYear(input.fiscalYear(), input.rotationYears()));
        input.units().forEach(u -> facts.add(new AuditUnit(u)));
        new LinkedHashSet<>(input.audited()).forEach(a -> facts.add(new AuditedIn(a.department(), a.fiscalYear())));
        return ruleBase.evaluate(FAMILY, facts, Map.of());
    }
}
