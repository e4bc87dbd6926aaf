package jp.tenken.audit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * The body that records a corrective action's completion. The first needs no reason; a later one
 * corrects it and must say why ({@code reason}), since it changes what the audit shows as done.
 */
public record Completion(@NotNull LocalDate completedOn, @Size(max = 2000) String reason) {

    /** Whether a reason is given: blank text is none. */
    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }
}
