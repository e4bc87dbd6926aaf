package jp.tenken.activity;

/**
 * What an activity entry records (CONTRACT §7). The names are stored as text and shown as they
 * are, so a constant is never renamed; a new one may be added.
 */
public enum ActivityAction {
    PLAN_STORED,
    INSPECTION_SUBMITTED,
    /** A draft of a self-inspection saved (created or replaced). */
    INSPECTION_DRAFT_SAVED,
    /** A draft of a self-inspection discarded by a user (not the deletion a submission makes). */
    INSPECTION_DRAFT_DELETED,
    AUDIT_RECORDED,
    ACTION_COMPLETED,
    EVALUATION_STORED,
    WAIVER_CREATED,
    WAIVER_REVOKED,
    USER_CREATED,
    USER_UPDATED,
    PASSWORD_CHANGED,
    RULES_RELOADED,
    /** A login refused; its user may be null when no name was given. */
    LOGIN_FAILED,
    /** A write refused for want of a permission or for another organization's data. */
    ACCESS_DENIED
}
