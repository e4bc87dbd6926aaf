package jp.tenken.reminder;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Something a department must do by a date that has not been done (CONTRACT §12). {@code daysLeft}
 * counts from the as-of date (negative once overdue); {@code overdue} means due before it.
 *
 * @param item       what identifies the promise across resubmissions (see {@link #key}); not in the answer
 * @param recordedAt when its record was stored: the calendar's DTSTAMP; not in the answer
 */
@JsonPropertyOrder({"kind", "department", "action", "dueDate", "daysLeft", "overdue", "source"})
public record Reminder(ReminderKind kind, String department, String action, LocalDate dueDate, long daysLeft,
                       boolean overdue, ReminderSource source,
                       @JsonIgnore String item, @JsonIgnore Instant recordedAt) {

    /**
     * The item's stable key, a SHA-256 in hex of its kind and identity: the department's remediation
     * of a checklist item in a fiscal year (a resubmission keeps the promise, so a new inspection id
     * is not a new item), or an audit's finding. The calendar's UID and the mail's record of sent
     * stages use it.
     */
    @JsonIgnore
    public String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((kind + "\n" + item).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** What a person reads to find it: 改善策 HUM-04, 是正措置 監査指摘F1. */
    @JsonIgnore
    public String label() {
        return kind == ReminderKind.REMEDIATION
                ? kind.word() + " " + source.itemId()
                : kind.word() + " 監査指摘" + source.findingId();
    }

    /** 3日超過, 本日期限, あと5日. */
    @JsonIgnore
    public String when() {
        if (overdue) {
            return (-daysLeft) + "日超過";
        }
        return daysLeft == 0 ? "本日期限" : "あと" + daysLeft + "日";
    }
}
