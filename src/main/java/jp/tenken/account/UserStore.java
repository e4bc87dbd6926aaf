package jp.tenken.account;

import jp.tenken.activity.ActivityEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored users and their failed logins; H2 and PostgreSQL behind one implementation.
 *
 * <p>The writes that take activity entries append them to the activity log in the same
 * transaction as the write (CONTRACT §7): a write that fails leaves no entry, an entry never
 * exists without its write. Every write that changes a password, and every update that disables
 * an enabled user, stamps {@link #credentialsChangedAt} (as does a create), so that a login
 * cookie issued before it can be refused.
 */
public interface UserStore {

    /** Stores a new user with its password hash; throws {@link UsernameTakenException} when the name exists. */
    default Account create(Account account, String passwordHash) {
        return create(account, passwordHash, List.of());
    }

    /**
     * Stores a new user with its password hash and appends the entries in the same transaction;
     * throws {@link UsernameTakenException} (nothing stored, no entry) when the name exists.
     */
    Account create(Account account, String passwordHash, List<ActivityEntry> entries);

    /** The user of this name (exact, case-sensitive), without its hash. */
    Optional<Account> find(String username);

    /** Every user, by name. */
    List<Account> list();

    /** Replaces display name, email, organization, roles, departments and enabled; false when there is no such user. */
    default boolean update(Account account) {
        return update(account, null, List.of());
    }

    /**
     * Replaces display name, email, organization, roles, departments and enabled, and the password
     * hash unless {@code passwordHash} is null, appending the entries in the same transaction;
     * false (nothing written, no entry) when there is no such user.
     */
    boolean update(Account account, String passwordHash, List<ActivityEntry> entries);

    /** The stored hash, for the login only; empty when there is no such user. */
    Optional<String> passwordHash(String username);

    /** Replaces the password hash; false when there is no such user. */
    default boolean setPasswordHash(String username, String passwordHash) {
        return setPasswordHash(username, passwordHash, List.of());
    }

    /** Replaces the password hash and appends the entries in the same transaction; false (no entry) when there is no such user. */
    boolean setPasswordHash(String username, String passwordHash, List<ActivityEntry> entries);

    /**
     * When the user's credentials last changed (created, password changed, disabled): a login
     * cookie issued before it is no longer good. Empty when there is no such user or it was
     * created before the column existed (migration V7) and has not changed since.
     */
    Optional<Instant> credentialsChangedAt(String username);

    /**
     * What checking a login needs, in as few reads as the hot path allows (HTTP Basic is checked on
     * every request): the account with its hash and the time its credentials last changed (empty
     * when there is no such user), and the name's failed logins at or after {@code failuresSince}
     * (counted for unknown names too, so that the lockout does not tell which names exist).
     */
    LoginRecord loginRecord(String username, Instant failuresSince);

    /** See {@link #loginRecord}. */
    record LoginRecord(Optional<Account> account, String passwordHash, Instant credentialsChangedAt, int recentFailures) {
    }

    /** How many users exist (the first start creates the admin when none does). */
    long count();

    /** Records a failed login of this name, known or not, at this time. */
    void recordFailedLogin(String username, Instant at);

    /** How many failed logins this name had at or after {@code since}. */
    int failedLoginsSince(String username, Instant since);
}
