package jp.tenken.audit;

import java.time.LocalDate;

/** What the audited department must do about an audit finding, by when, and when it was done. */
public record CorrectiveAction(String action, LocalDate dueDate,
                               LocalDate completedOn) {
    public boolean planned() {
        return action != null && !action.isBlank() && dueDate != null;
    }

    /** Whether the action was still open on a date: not completed, or completed only after it. */
    public boolean openOn(LocalDate date) {
        return openOn(completedOn, date);
    }

    public static boolean openOn(LocalDate completedOn, LocalDate date) {
        return completedOn == null || completedOn.isAfter(date);
    }
}
