package jp.tenken.engine;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One thing a rule found, before it is put into words. The message is rendered later, in the
 * reader's language, from the rule's message template ({@code messageKey}) and {@code params};
 * keeping findings language-neutral lets a stored finding be shown in Japanese or English.
 *
 * <p>Findings order by severity (ERROR first), then target, then rule id, as the contract says;
 * the message key and parameters break the remaining ties so the order is total.
 */
public record Finding(String ruleId, Severity severity, Target target, String messageKey,
                      SortedMap<String, String> params,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Waived waiver) implements Comparable<Finding> {

    /**
     * The waiver a finding is accepted under while it holds (CONTRACT §12): the finding is still
     * shown, but counts in no summary and no status. Set only when findings are answered
     * ({@code jp.tenken.waiver.WaiverApplier}), never by a rule and never stored.
     */
    public record Waived(String id, String reason, java.time.LocalDate expiresOn) {
    }

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::target)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::messageKey)
            .thenComparing(f -> f.params().toString());

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        target = target == null ? Target.NONE : target;
        messageKey = messageKey == null ? ruleId : messageKey;
        params = params == null ? new TreeMap<>() : new TreeMap<>(params);
    }

    public Finding(String ruleId, Severity severity, Target target, String messageKey, SortedMap<String, String> params) {
        this(ruleId, severity, target, messageKey, params, null);
    }

    /** The same finding accepted under a waiver (null: not waived). */
    public Finding waived(Waived by) {
        return new Finding(ruleId, severity, target, messageKey, params, by);
    }

    /** Whether it is accepted under a waiver: then it counts in no summary and no status. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isWaived() {
        return waiver != null;
    }

    public static Finding of(String ruleId, Severity severity, Target target, Map<String, String> params) {
        return new Finding(ruleId, severity, target, ruleId, new TreeMap<>(params));
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
