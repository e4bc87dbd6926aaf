package jp.tenken.audit.facts;

import jp.tenken.audit.CorrectiveAction;

import java.time.LocalDate;

/** A finding of an audit with its corrective action: planned (action and due date), completed or not. */
public record AuditFindingFact(String auditId, String department, int fiscalYear, int index, String findingId,
                               String itemId, String severity, boolean actionPlanned, LocalDate dueDate,
                               LocalDate completedOn) {

    /** Whether the corrective action was still open on the date (the as-of date of the rules). */
    public boolean openOn(LocalDate date) {
        return CorrectiveAction.openOn(completedOn, date);
    }
}
