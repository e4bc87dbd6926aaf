package jp.tenken.audit;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The body that records a corrective action's completion. */
public record Completion(@NotNull LocalDate completedOn) {
}
