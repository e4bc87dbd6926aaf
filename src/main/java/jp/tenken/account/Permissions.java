package jp.tenken.account;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static jp.tenken.account.Grant.NONE;
import static jp.tenken.account.Grant.OWN_DEPARTMENTS;
import static jp.tenken.account.Grant.WHOLE_ORGANIZATION;

/**
 * The one place that decides what an account may do: the permission table of CONTRACT §7 and its
 * rules. Anything of another organization than the account's own is refused (an ADMIN without an
 * organization reaches all); "own departments" limits a role to the account's departments; several
 * roles add up. A disabled account may do nothing, so a forgotten login check cannot open a door.
 */
public final class Permissions {

    private static final Map<Action, Map<Role, Grant>> TABLE = new EnumMap<>(Action.class);

    static {
        //                                 ADMIN               PLAN_EDITOR         SECURITY_OFFICER    AUDITOR
        row(Action.PLAN_CHECK_STORE,      WHOLE_ORGANIZATION, WHOLE_ORGANIZATION, NONE,               NONE);
        row(Action.PLAN_READ,             WHOLE_ORGANIZATION, WHOLE_ORGANIZATION, NONE,               WHOLE_ORGANIZATION);
        row(Action.INSPECTION_SUBMIT,     WHOLE_ORGANIZATION, NONE,               OWN_DEPARTMENTS,    NONE);
        row(Action.INSPECTION_READ,       WHOLE_ORGANIZATION, NONE,               OWN_DEPARTMENTS,    WHOLE_ORGANIZATION);
        row(Action.AUDIT_WRITE,           WHOLE_ORGANIZATION, NONE,               NONE,               WHOLE_ORGANIZATION);
        row(Action.AUDIT_READ,            WHOLE_ORGANIZATION, NONE,               OWN_DEPARTMENTS,    WHOLE_ORGANIZATION);
        row(Action.COMPLIANCE_READ,       WHOLE_ORGANIZATION, NONE,               OWN_DEPARTMENTS,    WHOLE_ORGANIZATION);
        row(Action.EVALUATION_WRITE,      WHOLE_ORGANIZATION, WHOLE_ORGANIZATION, NONE,               NONE);
        row(Action.EVALUATION_READ,       WHOLE_ORGANIZATION, WHOLE_ORGANIZATION, NONE,               WHOLE_ORGANIZATION);
        row(Action.WAIVER_WRITE,          WHOLE_ORGANIZATION, NONE,               NONE,               WHOLE_ORGANIZATION);
        row(Action.REMINDERS_READ,        WHOLE_ORGANIZATION, NONE,               OWN_DEPARTMENTS,    WHOLE_ORGANIZATION);
        row(Action.CATALOGUE_READ,        WHOLE_ORGANIZATION, WHOLE_ORGANIZATION, WHOLE_ORGANIZATION, WHOLE_ORGANIZATION);
        row(Action.ADMINISTER,            WHOLE_ORGANIZATION, NONE,               NONE,               NONE);
        // The auditor's "own organization" is what the organization rule below gives every role.
        row(Action.ACTIVITY_READ,         WHOLE_ORGANIZATION, NONE,               NONE,               WHOLE_ORGANIZATION);
        if (TABLE.size() != Action.values().length) {
            throw new IllegalStateException("the permission table misses an action");
        }
    }

    private Permissions() {
    }

    private static void row(Action action, Grant admin, Grant planEditor, Grant securityOfficer, Grant auditor) {
        Map<Role, Grant> row = new EnumMap<>(Role.class);
        row.put(Role.ADMIN, admin);
        row.put(Role.PLAN_EDITOR, planEditor);
        row.put(Role.SECURITY_OFFICER, securityOfficer);
        row.put(Role.AUDITOR, auditor);
        TABLE.put(action, row);
    }

    /**
     * May the account do this to a thing of this organization and department? {@code organization}
     * null: a thing of no organization (rules, checklists, a rules reload); {@code department} null:
     * a thing of the whole organization, which "own departments" does not reach.
     */
    public static Decision decide(Account account, Action action, String organization, String department) {
        Decision granted = grant(account, action);
        if (!granted.allowed()) {
            return granted;
        }
        if (!reachesOrganization(account, organization)) {
            return Decision.refuse(action, action + " is granted for " + ownOrganization(account)
                    + " only, not for " + organization, "access.reason.organization",
                    Map.of("own", ownOrganization(account), "organization", organization));
        }
        Reach reach = reach(account, action, organization);
        if (!reach.includes(department)) {
            return Decision.refuse(action, action + " is granted for the departments " + reach.departments()
                    + " only, not for " + (department == null ? "the whole organization" : department),
                    department == null ? "access.reason.whole-organization" : "access.reason.departments",
                    Map.of("departments", String.join("、", reach.departments()),
                            "department", department == null ? "" : department));
        }
        return Decision.allow(action);
    }

    /**
     * Whether some role of the enabled account grants the action at all, wherever: the check made
     * before a request's organization or department is known.
     */
    public static Decision grant(Account account, Action action) {
        if (!account.enabled()) {
            return Decision.refuse(action, "the account " + account.username() + " is disabled",
                    "access.reason.disabled", Map.of("user", account.username()));
        }
        if (!grantedByAnyRole(account, action)) {
            return Decision.refuse(action, "no role of " + account.username() + " grants " + action,
                    "access.reason.role", Map.of("user", account.username(),
                            "roles", account.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", "))));
        }
        return Decision.allow(action);
    }

    /** {@link #decide} for a thing of an organization as a whole, or of none (organization null). */
    public static Decision decide(Account account, Action action, String organization) {
        return decide(account, action, organization, null);
    }

    /**
     * {@link #decide} where no organization means every organization rather than none: the users
     * of an organization or, for null, an ADMIN of all organizations; the activity of an
     * organization or, for null, of all of them (with what belongs to none). Only an account of all
     * organizations reaches "all": an ADMIN of one city may neither see nor make an ADMIN of all.
     */
    public static Decision decideOrganizationOrAll(Account account, Action action, String organizationOrAll) {
        if (organizationOrAll != null) {
            return decide(account, action, organizationOrAll);
        }
        Decision granted = grant(account, action);
        if (!granted.allowed()) {
            return granted;
        }
        if (!account.ofAllOrganizations()) {
            return Decision.refuse(action, action + " is granted for " + ownOrganization(account)
                    + " only, not for all organizations", "access.reason.all-organizations",
                    Map.of("own", ownOrganization(account)));
        }
        return Decision.allow(action);
    }

    /**
     * How far the account may do this in the organization: the union of its roles' grants, nothing
     * in another organization. Lists use it to keep the lines the account may see.
     */
    public static Reach reach(Account account, Action action, String organization) {
        if (!account.enabled() || !reachesOrganization(account, organization)) {
            return Reach.NOTHING;
        }
        Set<String> departments = new HashSet<>();
        for (Role role : account.roles()) {
            Grant grant = TABLE.get(action).get(role);
            if (grant == WHOLE_ORGANIZATION) {
                return Reach.WHOLE;
            }
            if (grant == OWN_DEPARTMENTS) {
                departments.addAll(account.departments());
            }
        }
        return departments.isEmpty() ? Reach.NOTHING : new Reach(false, departments);
    }

    /** The departments of the list, in its order, whose things the account may see or touch. */
    public static List<String> visibleDepartments(Account account, Action action, String organization,
                                                  Collection<String> departments) {
        Reach reach = reach(account, action, organization);
        return departments.stream().filter(reach::includes).toList();
    }

    private static boolean grantedByAnyRole(Account account, Action action) {
        return account.roles().stream().anyMatch(role -> TABLE.get(action).get(role) != NONE);
    }

    private static boolean reachesOrganization(Account account, String organization) {
        if (organization == null || account.ofAllOrganizations()) {
            return true;
        }
        return organization.equals(account.organization());
    }

    private static String ownOrganization(Account account) {
        return account.organization() == null ? "no organization" : account.organization();
    }
}
