package jp.tenken.waiver;

import jakarta.inject.Singleton;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Target;
import jp.tenken.storage.RecentReads;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way waivers touch findings (CONTRACT §12, docs/waivers.md): after the rules have run and
 * before findings are answered, every place that answers findings passes them here with the
 * organization, the as-of date and the record they belong to. A finding is matched by a waiver of
 * its rule whose every target key has the same value in the finding's target, read together with
 * its record ({@code department} of an inspection, audit or compliance line; {@code planId} of a
 * plan or evaluation), while the waiver holds on the as-of date. A matched finding is kept, marked
 * with the waiver ({@link Finding#waiver()}); the summary and the statuses leave it out. No rule
 * knows of waivers, and findings are stored unmarked: a waiver that expires or is revoked stops
 * applying at once, on the next answer.
 */
@Singleton
public class WaiverApplier {

    /**
     * How long an organization's waivers read for applying are kept. Every plan check answers its
     * findings through here; reading the waiver table for each one cost the checks of the city's plan
     * about a fifth of their throughput over HTTP. This instance's own creations and revocations
     * apply at once ({@link #changed}); another instance's within this time.
     */
    static final Duration KEPT = Duration.ofSeconds(2);

    private final WaiverStore store;
    private final RecentReads<String, List<Waiver>> recent = new RecentReads<>(KEPT);

    public WaiverApplier(WaiverStore store) {
        this.store = store;
    }

    /** The waivers of the organization that hold on {@code asOf}: read once, applied to many records. */
    public Holding holding(String organization, LocalDate asOf) {
        if (organization == null) {
            return Holding.NONE;
        }
        return new Holding(waiversOf(organization).stream().filter(w -> w.holdsOn(asOf)).toList());
    }

    /** Forgets what was read of the organization's waivers: one was created or revoked on this instance. */
    public void changed(String organization) {
        recent.forget(organization::equals);
    }

    private List<Waiver> waiversOf(String organization) {
        return recent.get(organization, o -> List.copyOf(store.list(o)));
    }

    /** The findings of one record, those a holding waiver matches marked with it, in the same order. */
    public List<Finding> apply(String organization, LocalDate asOf, Map<String, ?> record, List<Finding> findings) {
        if (findings.isEmpty()) {
            return findings;
        }
        return holding(organization, asOf).apply(record, findings);
    }

    /** The record of an inspection, an audit or a line of the compliance list: its department. */
    public static Map<String, Object> department(String department) {
        return department == null ? Map.of() : Map.of("department", department);
    }

    /** The record of a plan's findings: its id. */
    public static Map<String, Object> plan(String planId) {
        return planId == null ? Map.of() : Map.of("planId", planId);
    }

    /** The record of an evaluation's findings: the plan it is traced to and its own id. */
    public static Map<String, Object> evaluation(String planId, String evaluationId) {
        Map<String, Object> record = new LinkedHashMap<>();
        if (planId != null) {
            record.put("planId", planId);
        }
        if (evaluationId != null) {
            record.put("evaluationId", evaluationId);
        }
        return record;
    }

    /** Waivers that hold on one date. */
    public record Holding(List<Waiver> waivers) {

        public static final Holding NONE = new Holding(List.of());

        /**
         * Marks the findings a waiver matches. Of several matching waivers the one that holds longest
         * is shown (then the oldest), so the same findings and waivers always give the same answer.
         */
        public List<Finding> apply(Map<String, ?> record, List<Finding> findings) {
            if (waivers.isEmpty() || findings.isEmpty()) {
                return findings;
            }
            List<Finding> marked = new ArrayList<>(findings.size());
            for (Finding finding : findings) {
                Map<String, Object> keys = keysOf(finding.target(), record);
                Waiver match = waivers.stream()
                        .filter(w -> w.ruleId().equals(finding.ruleId()) && matches(w.target(), keys))
                        .max(Comparator.comparing(Waiver::expiresOn).thenComparing(Waiver::createdAt,
                                Comparator.nullsLast(Comparator.reverseOrder())))
                        .orElse(null);
                marked.add(match == null ? finding.waived(null)
                        : finding.waived(new Finding.Waived(match.id(), match.reason(), match.expiresOn())));
            }
            return marked;
        }
    }

    /** Every key of the waiver's target is in the finding's keys with the same value (numbers and text alike by their text). */
    static boolean matches(Map<String, Object> waiverTarget, Map<String, Object> findingKeys) {
        for (Map.Entry<String, Object> key : waiverTarget.entrySet()) {
            Object value = findingKeys.get(key.getKey());
            if (value == null || key.getValue() == null || !String.valueOf(value).equals(String.valueOf(key.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** The keys of a finding read with its record: the target's, and the record's where the target has none. */
    static Map<String, Object> keysOf(Target target, Map<String, ?> record) {
        Map<String, Object> keys = new LinkedHashMap<>(record);
        put(keys, "initiativeNo", target.initiativeNo());
        put(keys, "goalId", target.goalId());
        put(keys, "fiscalYear", target.fiscalYear());
        put(keys, "department", target.department());
        put(keys, "itemId", target.itemId());
        put(keys, "auditId", target.auditId());
        put(keys, "field", target.field());
        put(keys, "resultIndex", target.resultIndex());
        return keys;
    }

    private static void put(Map<String, Object> keys, String key, Object value) {
        if (value != null) {
            keys.put(key, value);
        }
    }
}
