package jp.tenken.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One completion of a corrective action as it was recorded: the date given, when and by whom it was
 * recorded ({@code completedBy}, a user name; null for one recorded before accounts existed), and
 * why, for a correction. A completion sent with the audit record is recorded by the audit's recorder.
 */
public record RecordedCompletion(LocalDate completedOn, OffsetDateTime recordedAt, String completedBy, String reason) {
}
