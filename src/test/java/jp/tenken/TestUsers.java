package jp.tenken;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.MutableHttpRequest;
import jp.tenken.account.Account;
import jp.tenken.account.PasswordHasher;
import jp.tenken.account.Role;
import jp.tenken.account.UserStore;

import java.util.Set;

/**
 * The users tests act as, created in the service's own database, and the HTTP Basic header that
 * names them. One password for all (long enough for the §7 rule); the hash cost in tests is 4.
 * The first admin of a test service is {@code admin} with {@link #PASSWORD}
 * ({@code tenken.admin-password} in application-test.yml).
 */
public final class TestUsers {

    public static final String PASSWORD = "test-password-0123";
    public static final String ADMIN = "admin";
    public static final String ORGANIZATION = "hiratsuka";

    /** A plan editor of Hiratsuka. */
    public static final String EDITOR = "editor";
    /** An auditor of Hiratsuka. */
    public static final String AUDITOR = "auditor";

    private TestUsers() {
    }

    /** Creates the user unless one of that name exists; answers its name. */
    public static String ensure(ApplicationContext context, String username, Set<Role> roles, String organization,
                                Set<String> departments) {
        UserStore users = context.getBean(UserStore.class);
        if (users.find(username).isEmpty()) {
            String hash = context.getBean(PasswordHasher.class).hash(PASSWORD);
            users.create(new Account(username, username, username + "@example.jp", roles, organization, departments, true), hash);
        }
        return username;
    }

    /** The Hiratsuka plan editor, created when missing. */
    public static String editor(ApplicationContext context) {
        return ensure(context, EDITOR, Set.of(Role.PLAN_EDITOR), ORGANIZATION, Set.of());
    }

    /** The Hiratsuka auditor, created when missing. */
    public static String auditor(ApplicationContext context) {
        return ensure(context, AUDITOR, Set.of(Role.AUDITOR), ORGANIZATION, Set.of());
    }

    /** A Hiratsuka security officer of the given departments, created when missing. */
    public static String officer(ApplicationContext context, String username, String... departments) {
        return ensure(context, username, Set.of(Role.SECURITY_OFFICER), ORGANIZATION, Set.of(departments));
    }

    /** An enabled ADMIN of all organizations, for services called directly (not over HTTP). */
    public static jp.tenken.account.Caller adminCaller() {
        return new jp.tenken.account.Caller(new Account(ADMIN, ADMIN, null, Set.of(Role.ADMIN), null, Set.of(), true));
    }

    /** The request, sent as this user with HTTP Basic. */
    public static <T> MutableHttpRequest<T> as(String username, MutableHttpRequest<T> request) {
        return request.basicAuth(username, PASSWORD);
    }

    /** The request, sent as the first admin. */
    public static <T> MutableHttpRequest<T> asAdmin(MutableHttpRequest<T> request) {
        return as(ADMIN, request);
    }
}
