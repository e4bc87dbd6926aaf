package jp.tenken.engine;

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
                      SortedMap<String, String> params) implements Comparable<Finding> {

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

    public static Finding of(String ruleId, Severity severity, Target target, Map<String, String> params) {
        return new Finding(ruleId, severity, target, ruleId, new TreeMap<>(params));
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
