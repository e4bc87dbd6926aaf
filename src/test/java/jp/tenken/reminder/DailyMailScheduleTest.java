package jp.tenken.reminder;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** When the daily mail runs next, and which stage an item is in on the day of a run. */
class DailyMailScheduleTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalTime AT = LocalTime.of(7, 30);

    @Test
    void beforeTheTimeItRunsTodayAtOrAfterItTomorrow() {
        assertEquals(ZonedDateTime.of(2025, 12, 3, 7, 30, 0, 0, TOKYO),
                DailyMailSchedule.nextRun(ZonedDateTime.of(2025, 12, 3, 6, 0, 0, 0, TOKYO), AT));
        assertEquals(ZonedDateTime.of(2025, 12, 4, 7, 30, 0, 0, TOKYO),
                DailyMailSchedule.nextRun(ZonedDateTime.of(2025, 12, 3, 7, 30, 0, 0, TOKYO), AT));
        assertEquals(ZonedDateTime.of(2026, 1, 1, 7, 30, 0, 0, TOKYO),
                DailyMailSchedule.nextRun(ZonedDateTime.of(2025, 12, 31, 23, 59, 0, 0, TOKYO), AT));
    }

    @Test
    void theTimeIsTakenInTheConfiguredZoneWhateverTheServersZone() {
        // 2025-12-02 23:00 UTC is 08:00 on 12-03 in Tokyo: today's 07:30 there has passed.
        ZonedDateTime utcNow = ZonedDateTime.of(2025, 12, 2, 23, 0, 0, 0, ZoneId.of("UTC"));
        assertEquals(ZonedDateTime.of(2025, 12, 4, 7, 30, 0, 0, TOKYO),
                DailyMailSchedule.nextRun(utcNow.withZoneSameInstant(TOKYO), AT));
    }

    @Test
    void anItemIsInTheStageOfItsDaysLeftOnTheDayOfTheRun() {
        assertNull(ReminderStage.of(8));
        assertEquals(ReminderStage.DUE_IN_7, ReminderStage.of(7));
        assertEquals(ReminderStage.DUE_IN_7, ReminderStage.of(2));
        assertEquals(ReminderStage.DUE_IN_1, ReminderStage.of(1));
        assertEquals(ReminderStage.DUE_IN_1, ReminderStage.of(0));
        assertEquals(ReminderStage.OVERDUE, ReminderStage.of(-1));
        assertEquals(ReminderStage.OVERDUE, ReminderStage.of(-400));
    }
}
