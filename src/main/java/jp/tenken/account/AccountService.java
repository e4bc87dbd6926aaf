package jp.tenken.account;

import jakarta.inject.Singleton;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.Outcome;
import jp.tenken.api.NotFoundException;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.organization.DepartmentDirectory;
import jp.tenken.organization.OrganizationRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The users of CONTRACT §7 as the API (and later the pages) manage them: create, list, read,
 * update, and a user's own password. What a caller may do is asked of {@link Caller} (that is,
 * {@link Permissions}); every accepted write is recorded in the activity log in the transaction of
 * the write itself.
 *
 * <p>A request is answered in this order: a field that breaks a rule is 400 (every such field at
 * once), a user that does not exist 404, a user or organization beyond the caller 403, an
 * organization or department the registry does not know (or a group) 422.
 */
@Singleton
public class AccountService {

    /** bcrypt reads any length (longer ones are hashed first), but a bound keeps the work bounded. */
    public static final int MAX_PASSWORD_LENGTH = 1000;
    public static final int MAX_DISPLAY_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 320;

    /** Something before and after one @, no spaces: enough to catch a wrong field, not to prove a mailbox. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final UserStore users;
    private final PasswordHasher hasher;
    private final OrganizationRegistry organizations;

    AccountService(UserStore users, PasswordHasher hasher, OrganizationRegistry organizations) {
        this.users = users;
        this.hasher = hasher;
        this.organizations = organizations;
    }

    /** Creates the user; throws {@link UsernameTakenException} (409) when the name exists. */
    public Account create(Caller caller, UserRequest request) {
        caller.requireRole(Action.ADMINISTER);
        List<Problem> problems = new ArrayList<>();
        AccountFields.username(request.username()).ifPresent(p -> problems.add(Problem.of("username", "account.username")));
        checkPassword(request.password(), "password", problems);
        Fields fields = checkFields(request, problems);
        refuse(problems);
        caller.requireOrganizationOrAll(Action.ADMINISTER, fields.organization());
        Set<String> departments = resolve(fields.organization(), fields.departments());
        boolean enabled = request.enabled() == null || request.enabled();
        Account account = new Account(request.username(), fields.displayName(), fields.email(), fields.roles(),
                fields.organization(), departments, enabled);
        String hash = hasher.hash(request.password());
        return users.create(account, hash, List.of(entry(caller, ActivityAction.USER_CREATED, account, Map.of())));
    }

    /** The users the caller may administer, by name: an ADMIN of one organization sees only its users. */
    public List<Account> list(Caller caller) {
        caller.requireRole(Action.ADMINISTER);
        return users.list().stream()
                .filter(account -> caller.mayOrganizationOrAll(Action.ADMINISTER, account.organization()))
                .toList();
    }

    /** One user: 404 when there is none, 403 when it is beyond the caller. */
    public Account find(Caller caller, String username) {
        caller.requireRole(Action.ADMINISTER);
        Account account = existing(username);
        caller.requireOrganizationOrAll(Action.ADMINISTER, account.organization());
        return account;
    }

    /**
     * Replaces the user's fields as {@link #create} takes them, the password only when given,
     * {@code enabled} only when given. A new password or disabling makes the old credentials stop
     * working at once ({@link UserStore#credentialsChangedAt}). The caller may move a user only
     * between organizations it administers, and may not disable itself or take away its own ADMIN.
     */
    public Account update(Caller caller, String username, UserRequest request) {
        caller.requireRole(Action.ADMINISTER);
        List<Problem> problems = new ArrayList<>();
        if (request.username() != null && !request.username().equals(username)) {
            problems.add(Problem.of("username", "account.username.fixed", "username", username));
        }
        if (request.password() != null) {
            checkPassword(request.password(), "password", problems);
        }
        Fields fields = checkFields(request, problems);
        refuse(problems);
        Account before = existing(username);
        caller.requireOrganizationOrAll(Action.ADMINISTER, before.organization());
        caller.requireOrganizationOrAll(Action.ADMINISTER, fields.organization());
        Set<String> departments = resolve(fields.organization(), fields.departments());
        boolean enabled = request.enabled() == null ? before.enabled() : request.enabled();
        if (username.equals(caller.username())) {
            if (!enabled) {
                problems.add(Problem.of("enabled", "account.self.disable"));
            }
            if (before.has(Role.ADMIN) && !fields.roles().contains(Role.ADMIN)) {
                problems.add(Problem.of("roles", "account.self.admin"));
            }
            refuse(problems);
        }
        Account after = new Account(username, fields.displayName(), fields.email(), fields.roles(),
                fields.organization(), departments, enabled);
        String hash = request.password() == null ? null : hasher.hash(request.password());
        List<ActivityEntry> entries = new ArrayList<>();
        entries.add(entry(caller, ActivityAction.USER_UPDATED, after, Map.of("changed", changed(before, after, hash != null))));
        if (hash != null) {
            entries.add(entry(caller, ActivityAction.PASSWORD_CHANGED, after, Map.of()));
        }
        if (!users.update(after, hash, entries)) {
            // Removed meanwhile: nothing was written.
            throw notFound(username);
        }
        return after;
    }

    /**
     * The caller's own password: the current one must be given right (400 naming
     * {@code currentPassword}), the new one must follow the rules (400 naming {@code newPassword}).
     * A wrong current password counts as a failed login of the name, so a session left open does
     * not let someone guess the password without meeting the lockout.
     */
    public void changeOwnPassword(Caller caller, PasswordChange change) {
        List<Problem> problems = new ArrayList<>();
        if (change.currentPassword() == null || change.currentPassword().isEmpty()) {
            problems.add(Problem.of("currentPassword", "jakarta.validation.constraints.NotBlank.message"));
        }
        checkPassword(change.newPassword(), "newPassword", problems);
        if (problems.isEmpty()) {
            // Always verified once the fields are there, so a wrong one costs a hash like a login.
            String hash = users.passwordHash(caller.username()).orElse(null);
            if (!hasher.verify(change.currentPassword(), hash)) {
                users.recordFailedLogin(caller.username(), Instant.now());
                problems.add(Problem.of("currentPassword", "account.password.current"));
            }
        }
        refuse(problems);
        Account account = caller.account();
        if (!users.setPasswordHash(account.username(), hasher.hash(change.newPassword()),
                List.of(entry(caller, ActivityAction.PASSWORD_CHANGED, account, Map.of())))) {
            throw notFound(account.username());
        }
    }

    /** The fields create and update share, checked and normalised. */
    private record Fields(String displayName, String email, Set<Role> roles, String organization, List<String> departments) {
    }

    private static Fields checkFields(UserRequest request, List<Problem> problems) {
        String displayName = request.displayName() == null ? null : request.displayName().strip();
        if (displayName == null || displayName.isEmpty()) {
            problems.add(Problem.of("displayName", "account.display-name.required"));
        }
        // An empty e-mail is none; the column is optional.
        String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
        if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
            problems.add(Problem.of("email", "account.email"));
        }
        Set<Role> roles = request.roles() == null || request.roles().isEmpty()
                ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(request.roles());
        if (roles.isEmpty()) {
            problems.add(Problem.of("roles", "account.roles.required"));
        }
        // Blank is not "none": an ADMIN of all organizations is made by leaving the field out, never by a slip.
        String organization = request.organization();
        if (organization == null ? !roles.contains(Role.ADMIN) && !roles.isEmpty() : organization.isBlank()) {
            problems.add(Problem.of("organization", "account.organization.required"));
        }
        List<String> departments = request.departments() == null ? List.of() : request.departments();
        // (Without an organization and without ADMIN the organization is at fault, said above.)
        if (organization == null && roles.contains(Role.ADMIN) && !departments.isEmpty()) {
            problems.add(Problem.of("departments", "account.departments.no-organization"));
        }
        AccountFields.departments(roles, Set.copyOf(departments))
                .ifPresent(p -> problems.add(Problem.of("departments", "account.departments.officer")));
        return new Fields(displayName, email, roles, organization, departments);
    }

    private static void checkPassword(String password, String field, List<Problem> problems) {
        if (AccountFields.password(password).isPresent()) {
            problems.add(Problem.of(field, "account.password", "min", String.valueOf(AccountFields.MIN_PASSWORD_LENGTH)));
        } else if (password.codePointCount(0, password.length()) > MAX_PASSWORD_LENGTH) {
            problems.add(Problem.of(field, "account.password.long", "max", String.valueOf(MAX_PASSWORD_LENGTH)));
        }
    }

    private static void refuse(List<Problem> problems) {
        if (problems.size() == 1) {
            throw DocumentRejectedException.malformed(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED, "document.invalid", problems);
        }
    }

    /**
     * The departments by their current registry names; an unknown organization, an unknown
     * department or a group is 422 naming the field ({@code departments[1]}).
     */
    private Set<String> resolve(String organization, List<String> departments) {
        if (organization == null) {
            return Set.of();
        }
        DepartmentDirectory directory = organizations.requireDirectory(organization);
        Set<String> units = new LinkedHashSet<>();
        for (int i = 0; i < departments.size(); i++) {
            units.add(directory.requireUnit(departments.get(i), "departments[" + i + "]").name());
        }
        return units;
    }

    private Account existing(String username) {
        return users.find(username).orElseThrow(() -> notFound(username));
    }

    private static NotFoundException notFound(String username) {
        return new NotFoundException("user.not-found", Map.of("username", username));
    }

    /** The fields an update changed, for the activity entry: what an auditor would ask first. */
    private static List<String> changed(Account before, Account after, boolean password) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.displayName(), after.displayName())) {
            changed.add("displayName");
        }
        if (!Objects.equals(before.email(), after.email())) {
            changed.add("email");
        }
        if (password) {
            changed.add("password");
        }
        if (!before.roles().equals(after.roles())) {
            changed.add("roles");
        }
        if (!Objects.equals(before.organization(), after.organization())) {
            changed.add("organization");
        }
        if (!before.departments().equals(after.departments())) {
            changed.add("departments");
        }
        if (before.enabled() != after.enabled()) {
            changed.add("enabled");
        }
        return changed;
    }

    /** The entry of a write on this user: by the caller, in the user's organization, naming the user. */
    private static ActivityEntry entry(Caller caller, ActivityAction action, Account target, Map<String, Object> more) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("username", target.username());
        about.putAll(more);
        return ActivityEntry.now(caller.username(), action, target.organization(), about, Outcome.OK);
    }
}
