package jp.tenken.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    /** Cost 4 where the cost is not what is tested, to keep the test quick. */
    private final PasswordHasher quick = new PasswordHasher(4);

    @Test
    void theDefaultCostIs12AndItsHashVerifies() {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash("correct horse battery");
        assertTrue(hash.startsWith("$2a$12$"), hash);
        assertEquals(60, hash.length());
        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse batterY", hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        String first = quick.hash("correct horse battery");
        String second = quick.hash("correct horse battery");
        assertNotEquals(first, second, "each hash has a salt of its own");
        assertTrue(quick.verify("correct horse battery", first));
        assertTrue(quick.verify("correct horse battery", second));
    }

    @Test
    void theHashDoesNotContainThePassword() {
        assertFalse(quick.hash("correct horse battery").contains("correct horse battery"));
    }

    @Test
    void aHashOfAnotherCostStillVerifies() {
        String hash = new PasswordHasher(5).hash("correct horse battery");
        assertTrue(quick.verify("correct horse battery", hash));
    }

    @Test
    void everyCharacterOfALongPasswordCounts() {
        // 30 kanji are 90 bytes in UTF-8, beyond bcrypt's 72; only the last one differs.
        String password = "情".repeat(29) + "報";
        String hash = quick.hash(password);
        assertTrue(quick.verify(password, hash));
        assertFalse(quick.verify("情".repeat(30), hash));
        String ascii = "a".repeat(100);
        assertFalse(quick.verify("a".repeat(99) + "b", quick.hash(ascii)));
    }

    @Test
    void nothingVerifiesAgainstAMissingOrBrokenHash() {
        assertFalse(quick.verify("correct horse battery", null));
        assertFalse(quick.verify("correct horse battery", ""));
        assertFalse(quick.verify("correct horse battery", "not a bcrypt hash"));
        assertFalse(quick.verify(null, quick.hash("correct horse battery")));
    }

    @Test
    void anEmptyPasswordOrAnImpossibleCostIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> quick.hash(""));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(3));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(32));
    }
}
