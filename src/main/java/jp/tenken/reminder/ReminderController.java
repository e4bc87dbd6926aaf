package jp.tenken.reminder;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpHostResolver;
import jp.tenken.account.Caller;
import jp.tenken.api.QueryParameters;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.organization.OrganizationRegistry;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /api/v1/reminders} and {@code GET /api/v1/reminders.ics} (CONTRACT §12): the open
 * remediations and corrective actions of an organization as JSON, and as an iCalendar feed a
 * calendar client subscribes to with HTTP Basic.
 */
@Controller("/api/v1")
class ReminderController {

    static final String CALENDAR = "text/calendar";
    /** The widest window a request may ask for: ten years. */
    static final int MAX_WITHIN_DAYS = 3650;

    private final ReminderService reminders;
    private final CalendarFeed feed;
    private final OrganizationRegistry organizations;
    private final HttpHostResolver hosts;

    ReminderController(ReminderService reminders, CalendarFeed feed, OrganizationRegistry organizations, HttpHostResolver hosts) {
        this.reminders = reminders;
        this.feed = feed;
        this.organizations = organizations;
        this.hosts = hosts;
    }

    @Get(value = "/reminders", produces = MediaType.APPLICATION_JSON)
    List<Reminder> list(Caller caller, @Nullable @QueryValue String organization, @Nullable @QueryValue String department,
                        @Nullable @QueryValue String asOf, @Nullable @QueryValue String withinDays) {
        return reminders.list(caller, QueryParameters.required("organization", organization), blankToNull(department),
                QueryParameters.asOf(asOf), withinDays(withinDays, ReminderService.DEFAULT_WITHIN_DAYS));
    }

    /**
     * The same items as a calendar: every open one however far ahead (a calendar shows the months
     * to come), unless {@code withinDays} is given; as of today unless {@code asOf} is.
     */
    @Get(value = "/reminders.ics", produces = CALENDAR)
    HttpResponse<byte[]> calendar(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String organization,
                                  @Nullable @QueryValue String department, @Nullable @QueryValue String asOf,
                                  @Nullable @QueryValue String withinDays) {
        String org = QueryParameters.required("organization", organization);
        String unit = blankToNull(department);
        List<Reminder> items = reminders.list(caller, org, unit, QueryParameters.asOf(asOf), withinDays(withinDays, null));
        // Named as people name the organization (平塚市), not by its id.
        String orgName = organizations.nameOf(org);
        String name = "点検 期限 " + orgName + (unit == null ? "" : " " + unit);
        byte[] body = feed.write(name, items, hosts.resolve(request)).getBytes(StandardCharsets.UTF_8);
        return HttpResponse.ok(body)
                .contentType(MediaType.of(CALENDAR + "; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"reminders-" + org + ".ics\"");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A whole number of days from 0 to {@link #MAX_WITHIN_DAYS} in ASCII digits, or a 400 naming {@code withinDays}. */
    static Integer withinDays(String value, Integer fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String trimmed = value.trim();
        if (!trimmed.matches("[0-9]{1,9}") || Integer.parseInt(trimmed) > MAX_WITHIN_DAYS) {
            throw DocumentRejectedException.malformed(Problem.of("withinDays", "query.limit",
                    "min", "0", "max", String.valueOf(MAX_WITHIN_DAYS)));
        }
        return Integer.parseInt(trimmed);
    }

}
