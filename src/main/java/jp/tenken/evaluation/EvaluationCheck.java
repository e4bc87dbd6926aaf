package jp.tenken.evaluation;

import jp.tenken.engine.Finding;

import java.util.List;

/** What was found in one evaluation against one version of its plan: the findings and one trace per result. */
public record EvaluationCheck(String evaluationId, String planId, int planVersion, String rulesVersion,
                              List<Finding> findings, List<Trace> traces) {
    public EvaluationCheck {
        findings = List.copyOf(findings);
        traces = List.copyOf(traces);
    }
}
