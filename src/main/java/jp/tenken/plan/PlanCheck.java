package jp.tenken.plan;

import jp.tenken.engine.Finding;

import java.util.List;

/** What the plan rules found in one plan, with the version of the rules that found it. */
public record PlanCheck(String planId, String rulesVersion, List<Finding> findings) {
    public PlanCheck {
        findings = List.copyOf(findings);
    }
}
