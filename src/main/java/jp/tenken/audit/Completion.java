package jp.tenken.audit;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The body that records a corrective action's completion. */
public record Completion(@NotNull @JsonFormat(pattern = "yyyy-MM-dd") LocalDate completedOn) {
}
