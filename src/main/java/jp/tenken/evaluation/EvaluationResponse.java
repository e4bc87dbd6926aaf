package jp.tenken.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import jp.tenken.api.FindingView;
import jp.tenken.api.ShownFindings;
import jp.tenken.api.Summary;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleMessages;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of POST /api/v1/evaluations/check (CONTRACT §10): the evaluation, the plan version it was
 * traced against, the findings and one trace per result in document order. POST /api/v1/evaluations
 * adds the stored {@code version}, {@code storedAt} and {@code storedBy}; GET of a stored version
 * adds the {@code document} as stored too. {@code findings} lists at most
 * {@code tenken.limits.max-findings} ({@code truncated} says it was cut); traces are never cut.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationResponse(String evaluationId, Integer version, OffsetDateTime storedAt, String storedBy,
                                 String planId, int planVersion, String rulesVersion, Summary summary,
                                 List<FindingView> findings, boolean truncated, List<Trace> traces,
                                 @JsonRawValue String document) {

    static EvaluationResponse of(EvaluationCheck check, RuleMessages messages, Language language) {
        ShownFindings shown = ShownFindings.of(check.findings(), messages, language);
        return new EvaluationResponse(check.evaluationId(), null, null, null, check.planId(), check.planVersion(),
                check.rulesVersion(), Summary.of(check.findings()), shown.findings(), shown.truncated(), check.traces(), null);
    }

    static EvaluationResponse stored(StoredEvaluation stored, RuleMessages messages, Language language, boolean withDocument) {
        ShownFindings shown = ShownFindings.of(stored.findings(), messages, language);
        return new EvaluationResponse(stored.evaluationId(), stored.version(), stored.storedAt(), stored.storedBy(),
                stored.planId(), stored.planVersion(), stored.rulesVersion(), Summary.of(stored.findings()), shown.findings(),
                shown.truncated(), stored.traces(), withDocument ? stored.documentJson() : null);
    }
}
