package jp.tenken.plan;

import org.junit.jupiter.api.Test;

import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class EarlierYearsTest {

    private static int[] nearestEarlier(int[] years, int[] values) {
        return EarlierYears.nearestEarlier(years, Comparator.comparingInt(i -> values[i]));
    }

    @Test
    void links_each_entry_to_the_nearest_earlier_year_whatever_the_document_order() {
        assertArrayEquals(new int[] {2, EarlierYears.NONE, 1}, nearestEarlier(new int[] {2026, 2024, 2025}, new int[] {1, 1, 1}));
    }

    @Test
    void skips_years_the_series_does_not_give() {
        assertArrayEquals(new int[] {EarlierYears.NONE, 0}, nearestEarlier(new int[] {2021, 2024}, new int[] {1, 1}));
    }

    @Test
    void a_year_given_twice_is_followed_by_its_larger_value_in_either_order() {
        assertArrayEquals(new int[] {EarlierYears.NONE, EarlierYears.NONE, 0},
                nearestEarlier(new int[] {2024, 2024, 2025}, new int[] {5, 3, 4}));
        assertArrayEquals(new int[] {EarlierYears.NONE, EarlierYears.NONE, 1},
                nearestEarlier(new int[] {2024, 2024, 2025}, new int[] {3, 5, 4}));
    }

    @Test
    void entries_of_one_year_follow_the_same_earlier_entry_and_equal_values_go_to_the_later_row() {
        assertArrayEquals(new int[] {EarlierYears.NONE, 0, 0, 2},
                nearestEarlier(new int[] {2024, 2025, 2025, 2026}, new int[] {1, 7, 7, 1}));
    }

    @Test
    void an_empty_series_has_no_links() {
        assertArrayEquals(new int[0], nearestEarlier(new int[0], new int[0]));
    }
}
