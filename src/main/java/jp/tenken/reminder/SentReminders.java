package jp.tenken.reminder;

import java.util.List;
import java.util.Set;

/** The reminder mail's record of sent stages (V13 {@code reminder_sent}); H2 and PostgreSQL behind one implementation. */
public interface SentReminders {

    /** One stage of one item for one recipient. */
    record Claim(String organization, Reminder item, ReminderStage stage, String recipient) {
        /** What identifies it in {@link #sentTo}: item key, due date and stage. */
        public String id() {
            return id(item, stage);
        }

        public static String id(Reminder item, ReminderStage stage) {
            return item.key() + "/" + item.dueDate() + "/" + stage;
        }
    }

    /** Another transaction holds or has recorded one of the claims: look again at what is left to send. */
    final class AlreadyClaimedException extends RuntimeException {
        public AlreadyClaimedException(Throwable cause) {
            super("another run claimed one of these reminders", cause);
        }
    }

    /** The {@link Claim#id}s recorded as sent to the recipient about the department's items. */
    Set<String> sentTo(String recipient, String organization, String department);

    /**
     * Records the claims and runs {@code send} in one transaction, committed only when {@code send}
     * returns: a claim taken by another transaction waits for it to end and then throws
     * {@link AlreadyClaimedException}, and a {@code send} that throws leaves nothing recorded.
     */
    void claimThenSend(List<Claim> claims, Runnable send);
}
