package jp.tenken.reminder;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The record a reminder comes from: {@code {inspectionId, itemId}} for a remediation,
 * {@code {auditId, findingId}} for a corrective action (CONTRACT §12); the other pair is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReminderSource(String inspectionId, String itemId, String auditId, String findingId) {

    public static ReminderSource inspection(String inspectionId, String itemId) {
        return new ReminderSource(inspectionId, itemId, null, null);
    }

    public static ReminderSource audit(String auditId, String findingId) {
        return new ReminderSource(null, null, auditId, findingId);
    }
}
