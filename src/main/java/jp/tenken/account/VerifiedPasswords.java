package jp.tenken.account;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which password was last verified against which stored hash, so that an API client
 * sending HTTP Basic on every request pays bcrypt once, not on every request.
 *
 * <p>Why this is safe: an entry is only a hint; every request still reads the user's stored hash
 * and enabled flag from the database, and the entry counts only while that stored hash is the very
 * one the password was verified against. A changed password (a new hash) or a disabled account
 * therefore stops working at once, on every instance. The password itself is never kept: only an
 * HMAC of it under a random key that lives in this process's memory, so a heap dump does not give
 * a hash that can be attacked offline without that key. The map is bounded; when full it is
 * emptied, which costs a bcrypt per user again and nothing else.
 */
@Singleton
class VerifiedPasswords {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String storedHash, byte[] passwordMac) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    /** A Mac per thread: looking one up costs more than the HMAC of a password itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    VerifiedPasswords() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether this password was verified against exactly this stored hash. */
    boolean wasVerified(String username, String storedHash, String password) {
        Entry entry = entries.get(username);
        return entry != null && entry.storedHash().equals(storedHash)
                && MessageDigest.isEqual(entry.passwordMac(), mac(password));
    }

    void remember(String username, String storedHash, String password) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(username, new Entry(storedHash, mac(password)));
    }

    void forget(String username) {
        entries.remove(username);
    }

    private byte[] mac(String password) {
        return macs.get().doFinal(password.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
