package jp.tenken.inspection;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.LocalDate;

/** What the department will do about a shortfall, and by when. */
public record Remediation(String action, @JsonFormat(pattern = "yyyy-MM-dd") LocalDate dueDate) {
    public boolean complete() {
        return action != null && !action.isBlank() && dueDate != null;
    }
}
