package jp.tenken.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * Passwords as bcrypt hashes (CONTRACT §7: a slow salted hash), each with a salt of its own.
 * Nothing here logs or keeps a password.
 *
 * <p>Cost 12 by default ({@code tenken.password-hash-cost}): 2^12 rounds, about 0.4 s per hash on
 * one core of the shared 2-core test machine (PasswordHasherTest: hash and verify in under 1 s). A login that slow goes unnoticed by
 * people who log in a few times a day, while someone who stole the table gets only a handful of
 * guesses per second per core; 12 is also what current guidance (OWASP: at least 10) settles on.
 * Tests lower it to keep their starts quick.
 *
 * <p>bcrypt reads only the first 72 bytes of a password; longer ones (a Japanese passphrase
 * reaches that at 24 characters) are first hashed with SHA-512, so every character counts.
 */
@Singleton
public class PasswordHasher {

    public static final int DEFAULT_COST = 12;

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    private final int cost;
    /** Made on first use at this hasher's cost; a race makes two, which is harmless. */
    private volatile String unknownUserHash;

    @Inject
    public PasswordHasher(@Value("${tenken.password-hash-cost:12}") int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("tenken.password-hash-cost must be 4 to 31, not " + cost);
        }
        this.cost = cost;
    }

    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    /** A new salted hash of the password, as the 60 characters "$2a$12$…". */
    public String hash(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("no password to hash");
        }
        return BCrypt.with(VERSION, LONG_PASSWORDS).hashToString(cost, password.toCharArray());
    }

    /**
     * Compares the password with a hash no password matches, taking as long as a real comparison:
     * a login under an unknown name then costs what a wrong password costs, and the time of the
     * answer does not tell which names exist.
     */
    public void verifyAgainstNothing(String password) {
        String hash = unknownUserHash;
        if (hash == null) {
            hash = hash("no user has this password " + System.nanoTime());
            unknownUserHash = hash;
        }
        verify(password == null || password.isEmpty() ? "-" : password, hash);
    }

    /** Whether the password is the one hashed; false for a missing or malformed hash. */
    public boolean verify(String password, String hash) {
        if (password == null || hash == null || hash.isEmpty()) {
            return false;
        }
        return BCrypt.verifyer(VERSION, LONG_PASSWORDS)
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
