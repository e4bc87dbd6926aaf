package jp.tenken.plan;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class EarlierYearsTest {

    /** A row of a series; rows are classes, not records, so that two equal rows stay two rows. */
    private static final class Row {
        final int year;
        final int value;

        Row(int year, int value) {
            this.year = year;
            this.value = value;
        }
    }

    private static final int NONE = -1;

    /** For each row, the position of the row it is linked to, or NONE. */
    private static int[] nearestEarlier(int[] years, int[] values) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < years.length; i++) {
            rows.add(new Row(years[i], values[i]));
        }
        Map<Row, Row> earlier = EarlierYears.nearestEarlier(rows, r -> r.year, Comparator.comparingInt(r -> r.value));
        return rows.stream().mapToInt(r -> earlier.containsKey(r) ? rows.indexOf(earlier.get(r)) : NONE).toArray();
    }

    @Test
    void links_each_entry_to_the_nearest_earlier_year_whatever_the_document_order() {
        assertArrayEquals(new int[] {2, NONE, 1}, nearestEarlier(new int[] {2026, 2024, 2025}, new int[] {1, 1, 1}));
    }

    @Test
    void skips_years_the_series_does_not_give() {
        assertArrayEquals(new int[] {NONE, 0}, nearestEarlier(new int[] {2021, 2024}, new int[] {1, 1}));
    }

    @Test
    void a_year_given_twice_is_followed_by_its_larger_value_in_either_order() {
        assertArrayEquals(new int[] {NONE, NONE, 0}, nearestEarlier(new int[] {2024, 2024, 2025}, new int[] {5, 3, 4}));
        assertArrayEquals(new int[] {NONE, NONE, 1}, nearestEarlier(new int[] {2024, 2024, 2025}, new int[] {3, 5, 4}));
    }

    @Test
    void entries_of_one_year_follow_the_same_earlier_entry_and_equal_values_go_to_the_later_row() {
        assertArrayEquals(new int[] {NONE, 0, 0, 2}, nearestEarlier(new int[] {2024, 2025, 2025, 2026}, new int[] {1, 7, 7, 1}));
    }

    @Test
    void an_empty_series_has_no_links() {
        assertArrayEquals(new int[0], nearestEarlier(new int[0], new int[0]));
    }
}
