package jp.tenken.account;

/**
 * A request refused by {@link Permissions}: answered 403 in the error shape, naming the missing
 * permission, and recorded in the activity log when it was a write (CONTRACT §7).
 */
public class AccessDeniedException extends RuntimeException {

    private final transient Account account;
    private final transient Decision decision;
    private final String organization;

    public AccessDeniedException(Account account, Decision decision, String organization) {
        super(decision.reason());
        this.account = account;
        this.decision = decision;
        this.organization = organization;
    }

    public Account account() {
        return account;
    }

    public Decision decision() {
        return decision;
    }

    /** The organization the refused request concerned; null when not known or none. */
    public String organization() {
        return organization;
    }
}
