package jp.tenken.account;

/**
 * The answer of {@link Permissions}: allowed, or refused with the permission that is missing and
 * why, worded for the later 403 body (CONTRACT §7: "naming the missing permission").
 */
public record Decision(boolean allowed, Action action, String reason) {

    static Decision allow(Action action) {
        return new Decision(true, action, null);
    }

    static Decision refuse(Action action, String reason) {
        return new Decision(false, action, reason);
    }

    /** The name of the permission a refusal lacks; null when allowed. */
    public String missingPermission() {
        return allowed ? null : action.name();
    }
}
