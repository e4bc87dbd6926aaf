package jp.tenken.evaluation;

import jp.tenken.engine.Finding;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One stored version of an evaluation report, with the plan version it was traced against.
 *
 * @param documentJson the report as stored, JSON text, returned as it is
 */
public record StoredEvaluation(String evaluationId, int version, OffsetDateTime storedAt, String storedBy,
                               String organization, int fiscalYear, String planId, int planVersion, String rulesVersion,
                               String documentJson, List<Finding> findings, List<Trace> traces) {
    public StoredEvaluation {
        findings = List.copyOf(findings);
        traces = List.copyOf(traces);
    }

    public EvaluationCheck check() {
        return new EvaluationCheck(evaluationId, planId, planVersion, rulesVersion, findings, traces);
    }
}
