package jp.tenken.audit;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.LocalDate;

/** What the audited department must do about an audit finding, by when, and when it was done. */
public record CorrectiveAction(String action, @JsonFormat(pattern = "yyyy-MM-dd") LocalDate dueDate,
                               @JsonFormat(pattern = "yyyy-MM-dd") LocalDate completedOn) {
    public boolean planned() {
        return action != null && !action.isBlank() && dueDate != null;
    }
}
