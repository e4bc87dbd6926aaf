package jp.tenken.reminder;

import jakarta.inject.Singleton;
import jp.tenken.text.JapaneseDates;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reminders as an iCalendar (RFC 5545) feed: one all-day VEVENT per item on its due date, its UID
 * the item's stable key (so a client updates the event when the due date or the text changes) and
 * its DTSTAMP when the item's record was stored, so the same data gives the same feed. ical4j
 * builds the calendar and escapes the text; {@link OctetFolding} folds its lines, because ical4j
 * folds at 73 characters, which in Japanese is up to 219 octets and RFC 5545 limits lines to 75.
 */
@Singleton
public class CalendarFeed {

    static final String PRODUCT = "-//Tenken//Reminders 1.0//JA";

    /**
     * The feed of these items, named {@code name} in the client (X-WR-CALNAME), CRLF line ends; each
     * event links to its record at {@code baseUrl} (scheme, host and port the client reached the
     * service at: a link without them opens nothing from a calendar application).
     */
    public String write(String name, List<Reminder> items, String baseUrl) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", JapaneseDates.JAPAN.getId()));
        for (Reminder item : items) {
            calendar.add(event(item, baseUrl));
        }
        return OctetFolding.fold(calendar.toString());
    }

    private static VEvent event(Reminder item, String baseUrl) {
        // An all-day event: DTSTART;VALUE=DATE on the due date, DTEND (exclusive) the day after.
        VEvent event = new VEvent(item.dueDate(), item.dueDate().plusDays(1), summary(item));
        event.replace(new DtStamp(item.recordedAt().truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Uid(item.key() + "@tenken"));
        String record = baseUrl + recordPath(item);
        event.add(new Description(description(item, record)));
        event.add(new Url(URI.create(record)));
        event.add(new Categories(item.kind().word()));
        // A deadline takes no time in the day: clients do not show the day as busy.
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }

    /** 【期限超過】市民課 改善策 HUM-04: 未受講の8名に受講を指示. */
    static String summary(Reminder item) {
        return (item.overdue() ? "【期限超過】" : "") + item.department() + " " + item.label()
                + (item.action().isBlank() ? "" : ": " + item.action());
    }

    private static String recordPath(Reminder item) {
        return item.kind() == ReminderKind.REMEDIATION
                ? "/inspections/" + item.source().inspectionId() + "#item-" + item.source().itemId()
                : "/audits/" + item.source().auditId();
    }

    private static String description(Reminder item, String record) {
        return item.department() + "の" + item.label() + "\n"
                + "期限: " + JapaneseDates.date(item.dueDate()) + "\n"
                + "内容: " + item.action() + "\n"
                + (item.kind() == ReminderKind.REMEDIATION ? "自己点検: " : "監査: ") + record;
    }
}
