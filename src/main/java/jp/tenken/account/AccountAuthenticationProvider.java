package jp.tenken.account;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestReactiveAuthenticationProvider;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.Outcome;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Checks a user name and password, from HTTP Basic or the login form, against the stored users.
 *
 * <p>Every attempt reads the user's stored hash, enabled flag and recent failures from the
 * database, so a password changed or an account disabled a moment ago (on any instance) counts at
 * once. The slow bcrypt comparison runs only when {@link VerifiedPasswords} has not already
 * verified this very password against this very hash, and then on the blocking pool, never on an
 * event-loop thread. A refused attempt is a failed login: counted for the lockout and written to
 * the activity log as LOGIN_FAILED. An attempt made while the first admin is still being made (in
 * the half second after a first start, see {@link FirstAdmin}) goes on, on the blocking pool, once
 * the admin is stored.
 */
@Singleton
class AccountAuthenticationProvider<B> implements HttpRequestReactiveAuthenticationProvider<B> {

    /** The login time in milliseconds, an attribute of the authentication and so a claim of a login cookie. */
    static final String LOGIN_MILLIS_CLAIM = "tenken_login_ms";

    /** Longest name kept in the failure records; longer ones cannot be users (64 at most) anyway. */
    private static final int RECORDED_NAME_LENGTH = 200;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final VerifiedPasswords verified;
    private final LoginThrottle throttle;
    private final ActivityLog activity;
    private final ExecutorService blocking;
    private final CompletableFuture<Void> firstAdminSettled;

    AccountAuthenticationProvider(UserStore users, PasswordHasher hasher, VerifiedPasswords verified,
                                  LoginThrottle throttle, ActivityLog activity,
                                  @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                                  Optional<FirstAdmin> firstAdmin) {
        this.users = users;
        this.hasher = hasher;
        this.verified = verified;
        this.throttle = throttle;
        this.activity = activity;
        this.blocking = blocking;
        this.firstAdminSettled = firstAdmin.map(FirstAdmin::settled).orElse(CompletableFuture.completedFuture(null));
    }

    @Override
    public Publisher<AuthenticationResponse> authenticate(HttpRequest<B> request,
                                                          AuthenticationRequest<String, String> credentials) {
        if (!firstAdminSettled.isDone()) {
            return Publishers.fromCompletableFuture(() -> firstAdminSettled
                    .thenComposeAsync(made -> authenticateNow(request, credentials), blocking));
        }
        return Publishers.fromCompletableFuture(() -> authenticateNow(request, credentials));
    }

    private CompletableFuture<AuthenticationResponse> authenticateNow(HttpRequest<B> request,
                                                                      AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity() == null ? "" : credentials.getIdentity();
        String password = credentials.getSecret() == null ? "" : credentials.getSecret();
        if (!AccountFields.isPossibleUsername(username)) {
            // No such user can exist: no lookup with a name of 10,000 characters or a NUL in it.
            return CompletableFuture.completedFuture(refuse(request, username, null, LoginRefusal.CREDENTIALS));
        }
        UserStore.LoginRecord record = users.loginRecord(username, throttle.countedSince());
        Optional<Account> account = record.account();
        if (throttle.isLocked(record.recentFailures())) {
            return CompletableFuture.completedFuture(refuse(request, username, account.map(Account::organization).orElse(null),
                    LoginRefusal.LOCKED));
        }
        if (account.isEmpty() || record.passwordHash() == null) {
            // bcrypt anyway, so an unknown name takes as long as a known one with a wrong password.
            return CompletableFuture.supplyAsync(() -> {
                hasher.verifyAgainstNothing(password);
                return refuse(request, username, null, LoginRefusal.CREDENTIALS);
            }, blocking);
        }
        Account found = account.get();
        if (!found.enabled()) {
            return CompletableFuture.completedFuture(refuse(request, username, found.organization(), LoginRefusal.CREDENTIALS));
        }
        String hash = record.passwordHash();
        if (verified.wasVerified(username, hash, password)) {
            return CompletableFuture.completedFuture(success(request, found));
        }
        return CompletableFuture.supplyAsync(() -> {
            if (hasher.verify(password, hash)) {
                verified.remember(username, hash, password);
                return success(request, found);
            }
            return refuse(request, username, found.organization(), LoginRefusal.CREDENTIALS);
        }, blocking);
    }

    private static AuthenticationResponse success(HttpRequest<?> request, Account account) {
        if (request != null) {
            request.setAttribute(CallerBinder.ACCOUNT_ATTRIBUTE, account);
        }
        return AuthenticationResponse.success(account.username(),
                account.roles().stream().map(Enum::name).toList(),
                Map.of(LOGIN_MILLIS_CLAIM, System.currentTimeMillis()));
    }

    private AuthenticationResponse refuse(HttpRequest<?> request, String username, String organization,
                                          LoginRefusal refusal) {
        String recorded = recordable(username);
        throttle.recordFailure(recorded);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("username", recorded);
        target.put("reason", refusal.name());
        if (request != null) {
            target.put("path", request.getPath());
        }
        activity.append(ActivityEntry.now(recorded, ActivityAction.LOGIN_FAILED, organization, target, Outcome.DENIED));
        refusal.mark(request);
        return AuthenticationResponse.failure(refusal == LoginRefusal.LOCKED
                ? AuthenticationFailureReason.ACCOUNT_LOCKED : AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }

    /**
     * The tried name as it can be stored: control characters (NUL among them, which PostgreSQL
     * refuses in text) made visible as U+FFFD, and cut to what the column holds.
     */
    static String recordable(String username) {
        StringBuilder name = new StringBuilder(Math.min(username.length(), RECORDED_NAME_LENGTH));
        username.codePoints().limit(RECORDED_NAME_LENGTH).forEach(cp ->
                name.appendCodePoint(Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                        || Character.getType(cp) == Character.SURROGATE ? '\uFFFD' : cp));
        return name.toString();
    }
}
