package jp.tenken.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberingTest {

    private static Initiative row(int no, Integer repostOf) {
        return new Initiative(no, null, "取組" + no, false, null, List.of(), List.of(), null, null, null,
                null, null, null, repostOf, null, List.of(), null);
    }

    private static Numbering numbering(int... numbers) {
        List<Initiative> rows = new ArrayList<>();
        for (int no : numbers) {
            rows.add(row(no, null));
        }
        return new Numbering(rows);
    }

    @Test
    void counts_the_rows_of_each_number_in_any_order() {
        Numbering numbering = numbering(5, 1, 5, 3, 5);
        assertEquals(3, numbering.count(0));
        assertEquals(1, numbering.count(1));
        assertEquals(3, numbering.count(2));
        assertEquals(1, numbering.count(3));
        assertEquals(3, numbering.count(4));
    }

    @Test
    void gives_the_next_larger_number_used_and_none_after_the_largest() {
        Numbering numbering = numbering(7, 1, 3, 3);
        assertNull(numbering.next(0));
        assertEquals(3, numbering.next(1));
        assertEquals(7, numbering.next(2));
        assertEquals(7, numbering.next(3));
    }

    @Test
    void tells_the_first_row_of_a_number_from_its_duplicates() {
        Numbering numbering = numbering(2, 1, 2, 1);
        assertTrue(numbering.first(0));
        assertTrue(numbering.first(1));
        assertFalse(numbering.first(2));
        assertFalse(numbering.first(3));
    }

    @Test
    void the_largest_int_is_a_number_like_any_other() {
        Numbering numbering = numbering(Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        assertEquals(2, numbering.count(0));
        assertNull(numbering.next(0));
        assertEquals(Integer.MAX_VALUE, numbering.next(1));
        assertTrue(numbering.first(0));
        assertFalse(numbering.first(2));
    }

    @Test
    void knows_which_numbers_a_repost_points_at() {
        Numbering numbering = new Numbering(List.of(row(1, null), row(2, null), row(3, 1)));
        assertTrue(numbering.repostTarget(1));
        assertFalse(numbering.repostTarget(2));
        assertFalse(numbering.repostTarget(3));
    }
}
