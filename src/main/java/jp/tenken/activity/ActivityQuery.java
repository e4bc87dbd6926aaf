package jp.tenken.activity;

import java.time.Instant;

/**
 * Which entries to list: every filter is optional (null: any), and they combine with AND.
 *
 * <p>{@code from} and {@code to} are instants, {@code from} included and {@code to} excluded, so
 * that consecutive ranges never count an entry twice. Instants, not dates: an entry is a moment,
 * and which day a moment falls on depends on a time zone the log should not guess; an endpoint
 * that accepts dates turns them into instants at the zone it names (for these municipalities
 * Asia/Tokyo) before asking.
 *
 * <p>{@code limit} is 1 to {@value #MAX_LIMIT} ({@value #DEFAULT_LIMIT} when not given); anything
 * else, or a {@code from} after {@code to}, is refused on construction, so a query that exists is valid.
 * {@code offset} skips that many of the selected entries first (0 to {@value #MAX_OFFSET}): the
 * pages of the activity page.
 */
public record ActivityQuery(String organization, Instant from, Instant to, String user,
                            ActivityAction action, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** Far beyond what anyone pages through; bounds the rows a database skips for one request. */
    public static final int MAX_OFFSET = 1_000_000;

    public ActivityQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidActivityQueryException("limit", "must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidActivityQueryException("offset", "must be 0 to " + MAX_OFFSET + ", was " + offset);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidActivityQueryException("from", "must not be after to");
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} entries of every organization. */
    public static ActivityQuery newest() {
        return new ActivityQuery(null, null, null, null, null, DEFAULT_LIMIT, 0);
    }

    public ActivityQuery withOrganization(String organization) {
        return new ActivityQuery(organization, from, to, user, action, limit, offset);
    }

    public ActivityQuery withFrom(Instant from) {
        return new ActivityQuery(organization, from, to, user, action, limit, offset);
    }

    public ActivityQuery withTo(Instant to) {
        return new ActivityQuery(organization, from, to, user, action, limit, offset);
    }

    public ActivityQuery withUser(String user) {
        return new ActivityQuery(organization, from, to, user, action, limit, offset);
    }

    public ActivityQuery withAction(ActivityAction action) {
        return new ActivityQuery(organization, from, to, user, action, limit, offset);
    }

    /** The limit as a request gives it: null (absent) means the default. */
    public ActivityQuery withLimit(Integer limit) {
        return new ActivityQuery(organization, from, to, user, action, limit == null ? DEFAULT_LIMIT : limit, offset);
    }

    /** Skips the first {@code offset} selected entries (newest first). */
    public ActivityQuery withOffset(int offset) {
        return new ActivityQuery(organization, from, to, user, action, limit, offset);
    }
}
