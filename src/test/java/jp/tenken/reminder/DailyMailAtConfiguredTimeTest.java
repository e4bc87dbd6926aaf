package jp.tenken.reminder;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A time other than the default in {@code tenken.mail.daily-at} reaches the settings of a started
 * service and the schedule it starts: at 07:00 in Japan, with 06:15 configured, the next run is
 * tomorrow's 06:15 there (the default 07:30 would be today's; the JVM's Honolulu zone, another day).
 */
@MicronautTest(startApplication = false)
@Property(name = "tenken.mail.enabled", value = "true")
@Property(name = "tenken.mail.from", value = "tenken@example.jp")
@Property(name = "tenken.mail.daily-at", value = "06:15")
class DailyMailAtConfiguredTimeTest {

    /** 2025-12-03 07:00 in Japan (2025-12-02 12:00 in Honolulu, the test JVM's zone). */
    private static final Instant NOW = Instant.parse("2025-12-02T22:00:00Z");
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** The beans are taken from it, not injected: the schedule starts with the context and needs this test's clock. */
    @Inject
    ApplicationContext context;

    @MockBean(Clock.class)
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void theConfiguredTimeReachesTheSettings() {
        assertEquals(LocalTime.of(6, 15), context.getBean(MailSettings.class).dailyAt());
        assertEquals(JAPAN, context.getBean(MailSettings.class).zone());
    }

    @Test
    void theScheduleRunsNextAtTheConfiguredTimeInJapan() {
        assertEquals(ZonedDateTime.of(2025, 12, 4, 6, 15, 0, 0, JAPAN), context.getBean(DailyMailSchedule.class).nextRunAt());
    }
}
