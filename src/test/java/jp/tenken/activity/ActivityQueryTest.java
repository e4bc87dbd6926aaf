package jp.tenken.activity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The validation a future endpoint turns into 400 naming the parameter. */
class ActivityQueryTest {

    @Test
    void limitIsAHundredUnlessGiven() {
        assertEquals(100, ActivityQuery.newest().limit());
        assertEquals(100, ActivityQuery.newest().withLimit(null).limit());
        assertEquals(1000, ActivityQuery.newest().withLimit(1000).limit());
        assertEquals(1, ActivityQuery.newest().withLimit(1).limit());
    }

    @Test
    void refusesALimitOutsideOneToAThousandNamingIt() {
        for (int limit : new int[] {0, -1, 1001, Integer.MAX_VALUE}) {
            InvalidActivityQueryException e = assertThrows(InvalidActivityQueryException.class,
                    () -> ActivityQuery.newest().withLimit(limit));
            assertEquals("limit", e.parameter());
        }
    }

    @Test
    void refusesFromAfterTo() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        InvalidActivityQueryException e = assertThrows(InvalidActivityQueryException.class,
                () -> ActivityQuery.newest().withTo(t).withFrom(t.plusMillis(1)));
        assertEquals("from", e.parameter());
        assertEquals(t, ActivityQuery.newest().withFrom(t).withTo(t).from());
    }

    @Test
    void offsetIsZeroUnlessGivenAndNeverNegative() {
        assertEquals(0, ActivityQuery.newest().offset());
        assertEquals(50, ActivityQuery.newest().withOffset(50).offset());
        for (int offset : new int[] {-1, ActivityQuery.MAX_OFFSET + 1}) {
            InvalidActivityQueryException e = assertThrows(InvalidActivityQueryException.class,
                    () -> ActivityQuery.newest().withOffset(offset));
            assertEquals("offset", e.parameter());
        }
    }
}
