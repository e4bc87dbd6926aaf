package jp.tenken.reminder;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With mail on, the daily schedule starts with the service; settings it cannot use stop the start naming the property. */
class MailSettingsTest {

    @Test
    void mailOnSchedulesTheDailyRunAtTheDefaultTimeInTokyo() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url", "jdbc:h2:mem:mail-settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "tenken.mail.enabled", true, "tenken.mail.from", "tenken@example.jp"))) {
            assertTrue(context.findBean(DailyMailSchedule.class).isPresent());
            MailSettings settings = context.getBean(MailSettings.class);
            assertEquals(LocalTime.of(7, 30), settings.dailyAt());
            assertEquals(ZoneId.of("Asia/Tokyo"), settings.zone());
            assertEquals(25, settings.port());
        }
    }

    @Test
    void aMissingSenderOrABadTimeStopsTheStartNamingTheProperty() {
        String database = "jdbc:h2:mem:mail-settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        RuntimeException noSender = assertThrows(RuntimeException.class, () -> ApplicationContext.run(Map.of(
                "datasources.default.url", database, "tenken.mail.enabled", true)).close());
        assertTrue(causes(noSender).contains("tenken.mail.from"), causes(noSender));
        RuntimeException badTime = assertThrows(RuntimeException.class, () -> ApplicationContext.run(Map.of(
                "datasources.default.url", database, "tenken.mail.enabled", true, "tenken.mail.from", "tenken@example.jp",
                "tenken.mail.daily-at", "7時半")).close());
        assertTrue(causes(badTime).contains("tenken.mail.daily-at"), causes(badTime));
    }

    private static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
