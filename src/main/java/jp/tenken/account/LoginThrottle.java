package jp.tenken.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The lockout of CONTRACT §7: after 5 failed logins for one user name within 15 minutes, that name
 * is refused, even with the right password, until 15 minutes after its last failure. Failures are
 * counted in the database, so every instance on it refuses the name alike; an attempt while
 * refused is itself a failure, so whoever keeps guessing keeps the name closed.
 */
@Singleton
public class LoginThrottle {

    private final UserStore users;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    LoginThrottle(UserStore users, Clock clock,
                  @Value("${tenken.login.max-failures:5}") int maxFailures,
                  @Value("${tenken.login.lockout:15m}") Duration window) {
        this.users = users;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Whether the name is refused now. */
    public boolean isLocked(String username) {
        return isLocked(users.failedLoginsSince(username, countedSince()));
    }

    /** Whether a name with this many failures since {@link #countedSince()} is refused. */
    public boolean isLocked(int recentFailures) {
        return recentFailures >= maxFailures;
    }

    /** The start of the window in which failures count, now. */
    public Instant countedSince() {
        return clock.instant().minus(window);
    }

    public void recordFailure(String username) {
        users.recordFailedLogin(username, clock.instant());
    }

    /** How long a refused client should wait before trying again (for Retry-After). */
    public Duration window() {
        return window;
    }

    Instant now() {
        return clock.instant();
    }
}
