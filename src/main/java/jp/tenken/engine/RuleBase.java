package jp.tenken.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled rules of the rules folder, their catalogue and messages. Built once at start by
 * {@link RuleBaseLoader}; evaluation opens a fresh session on the shared, immutable Drools base,
 * so concurrent evaluations do not see each other's facts.
 */
public final class RuleBase {

    /** Rules of a family live in the DRL package {@code tenken.<family>}. */
    public static final String PACKAGE_PREFIX = "tenken.";

    private final KieBase kieBase;
    private final List<RuleDescriptor> rules;
    private final RuleMessages messages;
    private final String version;

    RuleBase(KieBase kieBase, List<RuleDescriptor> rules, RuleMessages messages, String version) {
        this.kieBase = kieBase;
        this.rules = List.copyOf(rules);
        this.messages = messages;
        this.version = version;
    }

    /**
     * Runs the rules of one family over the facts and returns what they found, in contract order.
     *
     * @param globals values for the globals the family's rules declare, besides {@code findings}
     */
    public List<Finding> evaluate(String family, Collection<?> facts, Map<String, Object> globals) {
        String rulePackage = PACKAGE_PREFIX + family;
        KieSession session = kieBase.newKieSession();
        try {
            FindingCollector collector = new FindingCollector();
            session.setGlobal("findings", collector);
            globals.forEach(session::setGlobal);
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules(match -> match.getRule().getPackageName().equals(rulePackage));
            return collector.findings();
        } finally {
            session.dispose();
        }
    }

    /** Every rule, sorted by id. */
    public List<RuleDescriptor> rules() {
        return rules;
    }

    public Optional<RuleDescriptor> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public RuleMessages messages() {
        return messages;
    }

    /** A digest of the rule and message files: two evaluations with the same version used the same rules. */
    public String version() {
        return version;
    }
}
