package jp.tenken.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;

/**
 * What the audited department must do about an audit finding, by when, and when it was done.
 *
 * @param completedOn the current completion: the latest recorded one
 * @param completions every completion recorded, oldest first; filled in by the store from its
 *                    history, never read from a request body or a stored document
 */
public record CorrectiveAction(String action, LocalDate dueDate, LocalDate completedOn,
                               @JsonProperty(access = JsonProperty.Access.READ_ONLY)
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               List<RecordedCompletion> completions) {

    public CorrectiveAction {
        completions = completions == null ? null : List.copyOf(completions);
    }

    public CorrectiveAction(String action, LocalDate dueDate, LocalDate completedOn) {
        this(action, dueDate, completedOn, null);
    }

    public boolean planned() {
        return action != null && !action.isBlank() && dueDate != null;
    }

    /** The action with its history of completions, completed on the latest recorded date (or not at all). */
    public CorrectiveAction withHistory(List<RecordedCompletion> history) {
        LocalDate current = history.isEmpty() ? null : history.get(history.size() - 1).completedOn();
        return new CorrectiveAction(action, dueDate, current, history);
    }

    /** Whether the action was still open on a date: not completed, or completed only after it. */
    public boolean openOn(LocalDate date) {
        return openOn(completedOn, date);
    }

    public static boolean openOn(LocalDate completedOn, LocalDate date) {
        return completedOn == null || completedOn.isAfter(date);
    }
}
