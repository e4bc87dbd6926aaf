package jp.tenken.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One completion of a corrective action as it was recorded: the date given, when and by whom it was
 * recorded ({@code completedBy} is null until accounts exist), and why, for a correction.
 */
public record RecordedCompletion(LocalDate completedOn, OffsetDateTime recordedAt, String completedBy, String reason) {
}
