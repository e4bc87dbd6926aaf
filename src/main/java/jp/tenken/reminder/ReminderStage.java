package jp.tenken.reminder;

/**
 * The stages at which the reminder mail tells a department's officers about an item (CONTRACT §12),
 * each once. An item is in the stage of its days left on the day of the run, so a run missed (the
 * service was down on the seventh day) still mails the stage the item is in, and an item that
 * skipped a stage is not mailed a stale one.
 */
public enum ReminderStage {
    /** Overdue: due before the day of the run. */
    OVERDUE("期限を過ぎたもの"),
    /** Due today or tomorrow. */
    DUE_IN_1("期限まで1日以内のもの"),
    /** Due in 2 to 7 days. */
    DUE_IN_7("期限まで7日以内のもの");

    private final String heading;

    ReminderStage(String heading) {
        this.heading = heading;
    }

    /** The mail's heading for the stage. */
    public String heading() {
        return heading;
    }

    /** The stage of an item with these days left; null when it is further than 7 days ahead. */
    public static ReminderStage of(long daysLeft) {
        if (daysLeft < 0) {
            return OVERDUE;
        }
        if (daysLeft <= 1) {
            return DUE_IN_1;
        }
        return daysLeft <= 7 ? DUE_IN_7 : null;
    }
}
