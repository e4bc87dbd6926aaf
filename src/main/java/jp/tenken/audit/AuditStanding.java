package jp.tenken.audit;

import jp.tenken.engine.Finding;

import java.time.LocalDate;
import java.util.List;

/**
 * The audits of an organization up to a fiscal year and what the audit rules find in them as of a date.
 *
 * @param audits   every audit up to the fiscal year, the last audited year is read from
 * @param held     those held by the as-of date: the only ones whose actions can be open or overdue on it
 * @param findings what the audit rules find in {@code held} as of the date
 */
public record AuditStanding(List<StoredAudit> audits, List<StoredAudit> held, List<Finding> findings, LocalDate asOf) {

    /** The last fiscal year the department was audited in, or null. */
    public Integer lastAuditedFiscalYear(String department) {
        return audits.stream().filter(a -> a.record().department().equals(department))
                .map(a -> a.record().fiscalYear()).max(Integer::compare).orElse(null);
    }

    /** Corrective actions of the department's audits held by the as-of date and not completed by then. */
    public int openActions(String department) {
        return (int) held.stream().filter(a -> a.record().department().equals(department))
                .flatMap(a -> a.record().findings().stream())
                .filter(f -> f.correctiveAction() != null && f.correctiveAction().openOn(asOf))
                .count();
    }

    /** The audit rule findings on the department (overdue actions, missing ones). */
    public List<Finding> findingsOn(String department) {
        return findings.stream().filter(f -> department.equals(f.target().department())).toList();
    }

    /** A corrective action still open on the as-of date, with the audit and the finding it answers. */
    public record OpenAction(StoredAudit audit, AuditFinding finding) {
        public boolean overdueOn(LocalDate date) {
            return finding.correctiveAction().dueDate() != null && finding.correctiveAction().dueDate().isBefore(date);
        }
    }

    /** The department's corrective actions open on the as-of date, audit by audit in the order they were held. */
    public List<OpenAction> openActionsOf(String department) {
        return held.stream().filter(a -> a.record().department().equals(department))
                .flatMap(a -> a.record().findings().stream()
                        .filter(f -> f.correctiveAction() != null && f.correctiveAction().openOn(asOf))
                        .map(f -> new OpenAction(a, f)))
                .toList();
    }
}
