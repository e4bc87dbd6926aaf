package jp.tenken.inspection;


import java.time.LocalDate;

/** What the department will do about a shortfall, and by when. */
public record Remediation(String action, LocalDate dueDate) {
    public boolean complete() {
        return action != null && !action.isBlank() && dueDate != null;
    }
}
