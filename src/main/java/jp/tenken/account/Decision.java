package jp.tenken.account;

import java.util.Map;

/**
 * The answer of {@link Permissions}: allowed, or refused with the permission that is missing and
 * why, worded for the later 403 body (CONTRACT §7: "naming the missing permission").
 */
public record Decision(boolean allowed, Action action, String reason, String reasonKey, Map<String, String> reasonParams) {

    public Decision {
        reasonParams = reasonParams == null ? Map.of() : Map.copyOf(reasonParams);
    }

    static Decision allow(Action action) {
        return new Decision(true, action, null, null, Map.of());
    }

    /**
     * A refusal: {@code reason} in English for logs and tests, {@code reasonKey} and its parameters
     * for the message a person reads (i18n messages, {@code access.reason.*}).
     */
    static Decision refuse(Action action, String reason, String reasonKey, Map<String, String> reasonParams) {
        return new Decision(false, action, reason, reasonKey, reasonParams);
    }

    /** The name of the permission a refusal lacks; null when allowed. */
    public String missingPermission() {
        return allowed ? null : action.name();
    }
}
