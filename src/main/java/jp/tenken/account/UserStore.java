package jp.tenken.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored users and their failed logins; H2 and PostgreSQL behind one implementation. */
public interface UserStore {

    /** Stores a new user with its password hash; throws {@link UsernameTakenException} when the name exists. */
    Account create(Account account, String passwordHash);

    /** The user of this name (exact, case-sensitive), without its hash. */
    Optional<Account> find(String username);

    /** Every user, by name. */
    List<Account> list();

    /** Replaces display name, email, organization, roles, departments and enabled; false when there is no such user. */
    boolean update(Account account);

    /** The stored hash, for the login only; empty when there is no such user. */
    Optional<String> passwordHash(String username);

    /** Replaces the password hash; false when there is no such user. */
    boolean setPasswordHash(String username, String passwordHash);

    /** When the password last changed or the account was disabled; empty until then (filled by V7). */
    default Optional<Instant> credentialsChangedAt(String username) {
        return Optional.empty();
    }

    /** How many users exist (the first start creates the admin when none does). */
    long count();

    /** Records a failed login of this name, known or not, at this time. */
    void recordFailedLogin(String username, Instant at);

    /** How many failed logins this name had at or after {@code since}. */
    int failedLoginsSince(String username, Instant since);
}
