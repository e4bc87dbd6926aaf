package jp.tenken.text;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoundedMemoTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final BoundedMemo memo = new BoundedMemo(2, name -> {
        calls.incrementAndGet();
        return name.toUpperCase();
    });

    @Test
    void remembers_a_name_it_has_seen() {
        assertEquals("ABC", memo.apply("abc"));
        assertEquals("ABC", memo.apply("abc"));
        assertEquals(1, calls.get());
    }

    @Test
    void stops_remembering_at_its_limit_and_still_answers() {
        memo.apply("a");
        memo.apply("b");
        assertEquals("C", memo.apply("c"));
        assertEquals("C", memo.apply("c"));
        assertEquals(4, calls.get());
    }

    @Test
    void does_not_remember_long_names() {
        String longName = "x".repeat(101);
        memo.apply(longName);
        memo.apply(longName);
        assertEquals(2, calls.get());
    }
}
