package jp.tenken.compliance;

import jakarta.inject.Singleton;
import jp.tenken.compliance.facts.SubmittedFact;
import jp.tenken.compliance.facts.UnitFact;
import jp.tenken.engine.Finding;
import jp.tenken.engine.RuleBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the rules of {@code rules/compliance/} over an organization's year, in one session for all units. */
@Singleton
public final class ComplianceRules {

    static final String FAMILY = "compliance";

    private final RuleBase ruleBase;

    public ComplianceRules(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    public List<Finding> evaluate(ComplianceInput input) {
        List<Object> facts = new ArrayList<>();
        input.units().forEach(u -> facts.add(new UnitFact(u, input.fiscalYear())));
        input.submitted().forEach(d -> facts.add(new SubmittedFact(d, input.fiscalYear())));
        return ruleBase.evaluate(FAMILY, facts, Map.of());
    }
}
