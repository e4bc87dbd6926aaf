package jp.tenken.storage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecentReadsTest {

    private final AtomicInteger reads = new AtomicInteger();

    private String read(String key) {
        return key + "#" + reads.incrementAndGet();
    }

    @Test
    void aKeyReadWithinTheTimeIsAnsweredAgainAndReadAgainAfterIt() throws Exception {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofMillis(200));
        assertEquals("city#1", recent.get("city", this::read));
        assertEquals("city#1", recent.get("city", this::read), "answered again within the time");
        assertEquals("town#2", recent.get("town", this::read), "another key is read");
        Thread.sleep(300);
        assertEquals("city#3", recent.get("city", this::read), "read again once older than the time");
    }

    @Test
    void aForgottenKeyIsReadAgainAtOnceAndTheOthersAreKept() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofMinutes(1));
        recent.get("city", this::read);
        recent.get("town", this::read);
        recent.forget("city"::equals);
        assertEquals("city#3", recent.get("city", this::read));
        assertEquals("town#2", recent.get("town", this::read));
    }

    @Test
    void aReadDuringWhichAWriteForgotIsAnsweredButNotKept() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofMinutes(1));
        String racing = recent.get("city", key -> {
            String before = read(key);
            recent.forget("city"::equals); // the write lands while the read runs
            return before;
        });
        assertEquals("city#1", racing, "the caller gets what it read");
        assertEquals("city#2", recent.get("city", this::read), "but it was not kept: the next check reads the write");
    }

    @Test
    void pastTheBoundOfKeysEverythingIsForgotten() {
        RecentReads<Integer, String> recent = new RecentReads<>(Duration.ofMinutes(1));
        for (int i = 0; i < RecentReads.MAX_KEYS; i++) {
            recent.get(i, k -> "v" + k);
        }
        AtomicInteger again = new AtomicInteger();
        recent.get(RecentReads.MAX_KEYS, k -> "v" + k);
        recent.get(0, k -> "v" + again.incrementAndGet());
        assertEquals(1, again.get(), "key 0 was forgotten when the map reached its bound");
    }
}
