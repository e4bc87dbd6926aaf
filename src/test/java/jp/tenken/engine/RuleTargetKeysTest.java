package jp.tenken.engine;

import jp.tenken.TestEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule declares the keys its findings may have ({@code @targetKeys}), read with their record:
 * the waivers of a rule may name only these (CONTRACT §12). That the findings of each rule's test
 * cases keep to the declared keys is checked by {@link RuleCasesTest}.
 */
class RuleTargetKeysTest {

    private static final Set<String> KNOWN = Set.of("initiativeNo", "goalId", "fiscalYear", "department", "itemId",
            "auditId", "field", "resultIndex", "planId", "evaluationId");

    @Test
    void everyRuleDeclaresItsTargetKeys() {
        List<RuleDescriptor> rules = TestEngine.ruleBase().rules();
        assertFalse(rules.isEmpty());
        for (RuleDescriptor rule : rules) {
            assertFalse(rule.targetKeys().isEmpty(), rule.source() + " has no @targetKeys");
            for (String key : rule.targetKeys()) {
                assertTrue(KNOWN.contains(key), rule.source() + ": @targetKeys names " + key + ", not a key of a target or record");
            }
            assertEquals(rule.targetKeys().size(), Set.copyOf(rule.targetKeys()).size(), rule.source() + ": a key twice");
        }
    }

    @Test
    void theFindingsOfARecordHaveItsKey() {
        for (RuleDescriptor rule : TestEngine.ruleBase().rules()) {
            switch (rule.family()) {
                case "plan", "evaluation" -> assertTrue(rule.targetKeys().contains("planId"), rule.source());
                case "inspection", "compliance" -> assertTrue(rule.targetKeys().contains("department"), rule.source());
                default -> { }
            }
        }
    }
}
