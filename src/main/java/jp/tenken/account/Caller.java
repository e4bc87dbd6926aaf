package jp.tenken.account;

import java.util.Collection;
import java.util.List;

/**
 * The user a request belongs to, with its account as stored now, and the questions a controller
 * or page asks about it. Every answer comes from {@link Permissions}; a refusal is thrown as
 * {@link AccessDeniedException} (a 403 naming the missing permission). Controllers and pages take
 * it as a parameter ({@link CallerBinder}); the command line has none.
 */
public final class Caller {

    private final Account account;

    public Caller(Account account) {
        this.account = account;
    }

    public Account account() {
        return account;
    }

    public String username() {
        return account.username();
    }

    /**
     * Refuses unless some role of the account grants the action somewhere: the first check of a
     * request, before its body is read, so that a role without the permission gets 403 and not an
     * answer about its document.
     */
    public void requireRole(Action action) {
        Decision decision = Permissions.grant(account, action);
        if (!decision.allowed()) {
            throw new AccessDeniedException(account, decision, null);
        }
    }

    /** Whether some role of the account grants the action somewhere (a page's navigation shows it or not). */
    public boolean mayAtAll(Action action) {
        return Permissions.grant(account, action).allowed();
    }

    /** Whether the action is allowed on a thing of this organization as a whole (for filtering lists). */
    public boolean may(Action action, String organization) {
        return Permissions.decide(account, action, organization).allowed();
    }

    /** Refuses unless the action is allowed on a thing of this organization as a whole (null: of none). */
    public void require(Action action, String organization) {
        require(action, organization, null);
    }

    /** Refuses unless the action is allowed on a thing of this organization and department. */
    public void require(Action action, String organization, String department) {
        Decision decision = Permissions.decide(account, action, organization, department);
        if (!decision.allowed()) {
            throw new AccessDeniedException(account, decision, organization);
        }
    }

    /**
     * Refuses unless the action is allowed on a thing of this organization or, for null, of all
     * organizations (users of no organization, the whole activity log):
     * {@link Permissions#decideOrganizationOrAll}.
     */
    public void requireOrganizationOrAll(Action action, String organizationOrAll) {
        Decision decision = Permissions.decideOrganizationOrAll(account, action, organizationOrAll);
        if (!decision.allowed()) {
            throw new AccessDeniedException(account, decision, organizationOrAll);
        }
    }

    /** Whether {@link #requireOrganizationOrAll} would allow it: lists keep the lines the caller may see. */
    public boolean mayOrganizationOrAll(Action action, String organizationOrAll) {
        return Permissions.decideOrganizationOrAll(account, action, organizationOrAll).allowed();
    }

    /**
     * Refuses unless the action reaches at least part of the organization (a listing whose lines
     * are then filtered with {@link #visible}).
     */
    public Reach requireReach(Action action, String organization) {
        Reach reach = Permissions.reach(account, action, organization);
        if (reach.isNothing()) {
            throw new AccessDeniedException(account, Permissions.decide(account, action, organization), organization);
        }
        return reach;
    }

    /** The departments of the list, in its order, the account may see for this action. */
    public List<String> visible(Action action, String organization, Collection<String> departments) {
        return Permissions.visibleDepartments(account, action, organization, departments);
    }
}
