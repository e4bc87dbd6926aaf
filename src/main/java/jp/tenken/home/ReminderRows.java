package jp.tenken.home;

import jp.tenken.account.Caller;
import jp.tenken.reminder.Reminder;
import jp.tenken.reminder.ReminderKind;
import jp.tenken.reminder.ReminderService;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.PageLinks;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The home pages' lists of what falls due and what is overdue (CONTRACT §12), from the same
 * {@link ReminderService} as {@code GET /api/v1/reminders}: the caller's own departments for an
 * officer, the whole organization for an auditor.
 */
final class ReminderRows {

    /** How far ahead the home looks, as the API does by default. */
    static final int WITHIN_DAYS = ReminderService.DEFAULT_WITHIN_DAYS;

    private ReminderRows() {
    }

    /** The model entries: {@code overdue} and {@code dueSoon} rows (at most {@code limit} each), their totals, the feed's address. */
    static Map<String, Object> model(ReminderService reminders, Caller caller, String organization, LocalDate today, int limit) {
        List<Reminder> items = reminders.list(caller, organization, null, today, WITHIN_DAYS);
        List<Reminder> overdue = items.stream().filter(Reminder::overdue).toList();
        List<Reminder> dueSoon = items.stream().filter(r -> !r.overdue()).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reminderWindow", WITHIN_DAYS);
        model.put("overdue", overdue.stream().limit(limit).map(ReminderRows::row).toList());
        model.put("overdueCount", overdue.size());
        model.put("dueSoon", dueSoon.stream().limit(limit).map(ReminderRows::row).toList());
        model.put("dueSoonCount", dueSoon.size());
        model.put("calendarHref", "/api/v1/reminders.ics?organization=" + PageLinks.query(organization));
        return model;
    }

    private static Map<String, Object> row(Reminder item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", item.kind().name());
        row.put("kindWord", item.kind().word());
        row.put("department", item.department());
        row.put("departmentHref", PageLinks.department(item.department()));
        row.put("dueDate", JapaneseDates.date(item.dueDate()));
        row.put("when", item.when());
        row.put("overdue", item.overdue());
        boolean remediation = item.kind() == ReminderKind.REMEDIATION;
        row.put("label", remediation ? item.source().itemId() : "監査指摘" + item.source().findingId());
        row.put("href", remediation
                ? "/inspections/" + PageLinks.segment(item.source().inspectionId()) + "#item-" + item.source().itemId()
                : PageLinks.audit(item.source().auditId()));
        row.put("action", item.action());
        return row;
    }
}
