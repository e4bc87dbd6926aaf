package jp.tenken.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class EarlierYearsTest {

    @Test
    void links_each_entry_to_the_nearest_earlier_year_whatever_the_document_order() {
        assertArrayEquals(new int[] {2, EarlierYears.NONE, 1}, EarlierYears.nearestEarlier(new int[] {2026, 2024, 2025}));
    }

    @Test
    void skips_years_the_series_does_not_give() {
        assertArrayEquals(new int[] {EarlierYears.NONE, 0}, EarlierYears.nearestEarlier(new int[] {2021, 2024}));
    }

    @Test
    void a_repeated_year_follows_the_same_earlier_entry_and_is_followed_by_its_last_occurrence() {
        assertArrayEquals(new int[] {EarlierYears.NONE, 0, 0, 2},
                EarlierYears.nearestEarlier(new int[] {2024, 2025, 2025, 2026}));
    }

    @Test
    void an_empty_series_has_no_links() {
        assertArrayEquals(new int[0], EarlierYears.nearestEarlier(new int[0]));
    }
}
