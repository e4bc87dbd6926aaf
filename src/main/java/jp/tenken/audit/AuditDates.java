package jp.tenken.audit;

import jp.tenken.document.Problem;
import jp.tenken.plan.FiscalYears;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with the dates of an audit record, each named by its field. A record is written
 * once an audit has been held, in the fiscal year it is filed under, and orders corrective actions
 * due no earlier than the audit; a record that breaks this would leave an action overdue before
 * its audit took place, which no completion date could ever close.
 */
final class AuditDates {

    private AuditDates() {
    }

    /** The problems with the audit date and with each corrective action's due and completion dates. */
    static List<Problem> problems(AuditRecord record, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        LocalDate auditedOn = record.auditedOn();
        if (auditedOn.isAfter(today)) {
            problems.add(Problem.of("auditedOn", "audit.date.future"));
        }
        LocalDate start = FiscalYears.start(record.fiscalYear());
        LocalDate end = FiscalYears.end(record.fiscalYear());
        if (auditedOn.isBefore(start) || auditedOn.isAfter(end)) {
            problems.add(Problem.of("auditedOn", "audit.date.outside-fiscal-year",
                    "fiscalYear", record.fiscalYear().toString(), "from", start.toString(), "to", end.toString()));
        }
        for (int i = 0; i < record.findings().size(); i++) {
            CorrectiveAction action = record.findings().get(i).correctiveAction();
            String path = "findings[" + i + "].correctiveAction.";
            if (action != null && action.dueDate() != null && action.dueDate().isBefore(auditedOn)) {
                problems.add(Problem.of(path + "dueDate", "audit.due.before-audit", "auditedOn", auditedOn.toString()));
            }
            if (action != null && action.completedOn() != null) {
                Problem completion = completionProblem(path + "completedOn", action.completedOn(), auditedOn, today);
                if (completion != null) {
                    problems.add(completion);
                }
            }
        }
        return problems;
    }

    /**
     * What is wrong with the date a corrective action was completed, or null: it cannot come before
     * the audit that asked for it, and a completion is recorded once it has happened, so a date
     * still to come is a typing slip.
     */
    static Problem completionProblem(String path, LocalDate completedOn, LocalDate auditedOn, LocalDate today) {
        if (completedOn.isBefore(auditedOn)) {
            return Problem.of(path, "audit.completion.before-audit", "auditedOn", auditedOn.toString());
        }
        if (completedOn.isAfter(today)) {
            return Problem.of(path, "audit.completion.future");
        }
        return null;
    }
}
