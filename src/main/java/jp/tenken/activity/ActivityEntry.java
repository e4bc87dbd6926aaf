package jp.tenken.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the activity log: at what moment, which user, did what, in which organization, to
 * what ({@code target}, a small map such as {@code {"planId": "x", "version": 3}}), and whether it
 * was allowed.
 *
 * @param user         null only for a failed login without a name
 * @param organization null when the action belongs to no organization
 */
public record ActivityEntry(Instant at, String user, ActivityAction action, String organization,
                            Map<String, Object> target, Outcome outcome) {

    public ActivityEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        // Both databases keep microseconds at most; millis (as the other stores use) read back equal.
        at = at.truncatedTo(ChronoUnit.MILLIS);
        // Insertion order kept, so the stored JSON names the target the way the caller did.
        target = Collections.unmodifiableMap(new LinkedHashMap<>(target == null ? Map.of() : target));
    }

    /** An entry for something happening now. */
    public static ActivityEntry now(String user, ActivityAction action, String organization,
                                    Map<String, Object> target, Outcome outcome) {
        return new ActivityEntry(Instant.now(), user, action, organization, target, outcome);
    }
}
