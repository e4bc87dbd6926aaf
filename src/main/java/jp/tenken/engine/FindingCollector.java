package jp.tenken.engine;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The global {@code findings} every rule reports to. The rule id and severity are read from the
 * firing rule's metadata ({@code @id}, {@code @severity}), so a rule states them exactly once.
 * Parameters are given as name/value pairs and feed the rule's message template.
 */
public final class FindingCollector {

    private final TreeSet<Finding> findings = new TreeSet<>();

    /** Reports a finding of the firing rule, rendered with the message keyed by the rule id. */
    public void report(RuleContext drools, Target target, Object... nameValuePairs) {
        reportVariant(drools, null, target, nameValuePairs);
    }

    /**
     * Reports a finding whose message is the rule's variant {@code <rule id>.<variant>}: one rule
     * that fires for two related reasons explains which one applied.
     */
    public void reportVariant(RuleContext drools, String variant, Target target, Object... nameValuePairs) {
        Rule rule = drools.getRule();
        Map<String, Object> meta = rule.getMetaData();
        String id = String.valueOf(meta.get(RuleDescriptor.ID));
        Severity severity = Severity.valueOf(String.valueOf(meta.get(RuleDescriptor.SEVERITY)));
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException(id + ": message parameters must be name/value pairs");
        }
        TreeMap<String, String> params = new TreeMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            Object value = nameValuePairs[i + 1];
            params.put(String.valueOf(nameValuePairs[i]), value == null ? "" : String.valueOf(value));
        }
        String key = variant == null ? id : id + "." + variant;
        findings.add(new Finding(id, severity, target, key, params));
    }

    /** The findings in contract order; identical findings are reported once. */
    public List<Finding> findings() {
        return new ArrayList<>(findings);
    }
}
