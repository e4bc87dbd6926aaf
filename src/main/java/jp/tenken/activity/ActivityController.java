package jp.tenken.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.document.RecordYears;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/activity} (CONTRACT §7): the activity log newest first, for ADMINs and for
 * AUDITORs of their own organization. Without {@code organization} a caller of one organization
 * gets its own, an ADMIN of all organizations every entry (also those of no organization, such as
 * failed logins).
 *
 * <p>{@code from} and {@code to} are dates ({@code 2026-04-01}, a whole day in Japan's time, both
 * days included) or moments ({@code 2026-04-01T09:00:00+09:00}, {@code …Z}; without an offset
 * Japan's time; {@code from} included, {@code to} excluded). An organization that is not
 * registered is not an error: the log keeps the entries of one removed from the registry.
 */
@Controller("/api/v1/activity")
class ActivityController {

    /** The municipalities' zone: which moments make a day given as a date. */
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private final ActivityLog log;

    ActivityController(ActivityLog log) {
        this.log = log;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    List<ActivityEntry> list(Caller caller, @Nullable @QueryValue String organization, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String user,
                             @Nullable @QueryValue String action, @Nullable @QueryValue String limit) {
        caller.requireRole(Action.ACTIVITY_READ);
        ActivityQuery query = query(from, to, user, action, limit);
        return log.list(query.withOrganization(scope(caller, organization)));
    }

    /**
     * The organization whose entries the caller reads (null: all), refused unless it may: the one
     * asked for, else all organizations for whom Permissions allows it, else the caller's own.
     * The activity page asks the same.
     */
    static String scope(Caller caller, String organization) {
        String asked = blank(organization) ? null : organization.trim();
        String scope = asked != null || caller.mayOrganizationOrAll(Action.ACTIVITY_READ, null)
                ? asked : caller.account().organization();
        caller.requireOrganizationOrAll(Action.ACTIVITY_READ, scope);
        return scope;
    }

    /** The query's filters as the API (and the activity page) take them; a bad one is 400 naming it. */
    static ActivityQuery query(String from, String to, String user, String action, String limit) {
        try {
            return ActivityQuery.newest()
                    .withFrom(moment("from", from, false))
                    .withTo(moment("to", to, true))
                    .withUser(blank(user) ? null : user.trim())
                    .withAction(action(action))
                    .withLimit(limit(limit));
        } catch (InvalidActivityQueryException e) {
            throw DocumentRejectedException.malformed(e.parameter().equals("from")
                    ? Problem.of("from", "query.from-after-to")
                    : Problem.of(e.parameter(), "query.limit", "min", "1", "max", String.valueOf(ActivityQuery.MAX_LIMIT)));
        }
    }

    /** A date or a moment; a date given as {@code to} means up to the end of that day. */
    static Instant moment(String name, String value, boolean end) {
        if (blank(value)) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                LocalDate date = LocalDate.parse(text);
                return inRange(name, (end ? date.plusDays(1) : date).atStartOfDay(ZONE).toInstant(), date.getYear());
            }
            if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T.*")) {
                OffsetDateTime at = text.matches(".*(Z|[+-][0-9]{2}:?[0-9]{2})")
                        ? OffsetDateTime.parse(text)
                        : LocalDateTime.parse(text).atZone(ZONE).toOffsetDateTime();
                return inRange(name, at.toInstant(), at.getYear());
            }
        } catch (DateTimeException e) {
            // refused below
        }
        throw DocumentRejectedException.malformed(Problem.of(name, "query.instant"));
    }

    private static Instant inRange(String name, Instant at, int year) {
        if (year < RecordYears.FIRST || year > RecordYears.LAST) {
            throw DocumentRejectedException.malformed(Problem.of(name, "query.date.range",
                    "min", String.valueOf(RecordYears.FIRST), "max", String.valueOf(RecordYears.LAST)));
        }
        return at;
    }

    private static ActivityAction action(String value) {
        if (blank(value)) {
            return null;
        }
        return Arrays.stream(ActivityAction.values()).filter(a -> a.name().equals(value.trim())).findFirst()
                .orElseThrow(() -> DocumentRejectedException.malformed(Problem.of("action", "document.enum", "allowed",
                        Arrays.stream(ActivityAction.values()).map(Enum::name).collect(Collectors.joining(", ")))));
    }

    /** ASCII digits only ({@code Integer.parseInt} would take ５０ and +50); out of range is the query's to refuse. */
    private static Integer limit(String value) {
        if (blank(value)) {
            return null;
        }
        String text = value.trim();
        if (!text.matches("-?[0-9]+")) {
            throw DocumentRejectedException.malformed(Problem.of("limit", "query.limit",
                    "min", "1", "max", String.valueOf(ActivityQuery.MAX_LIMIT)));
        }
        BigInteger limit = new BigInteger(text);
        return limit.bitLength() < 31 ? limit.intValue() : Integer.MAX_VALUE;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
