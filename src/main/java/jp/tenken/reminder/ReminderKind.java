package jp.tenken.reminder;

/** What a reminder is about (CONTRACT §12): a self-inspection's remediation or an audit's corrective action. */
public enum ReminderKind {
    /** An improvement a department promised in its self-inspection. */
    REMEDIATION,
    /** An action an audit ordered for one of its findings. */
    CORRECTIVE_ACTION;

    /** The word offices use for it. */
    public String word() {
        return this == REMEDIATION ? "改善策" : "是正措置";
    }
}
