package jp.tenken.plan;

import jp.tenken.api.FindingView;
import jp.tenken.api.ShownFindings;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleMessages;

import java.util.List;

/**
 * The body of GET /api/v1/plans/{id}/compare?from=&to=: the findings {@code added} in version
 * {@code to} and {@code resolved} since version {@code from}, matched by rule id and target. Each list
 * shows at most {@code tenken.limits.max-findings} (then {@code truncated} is true);
 * {@code addedCount} and {@code resolvedCount} count them all.
 */
public record PlanComparisonResponse(String planId, int from, int to, int addedCount, int resolvedCount,
                                     List<FindingView> added, List<FindingView> resolved, boolean truncated) {

    static PlanComparisonResponse of(PlanComparison comparison, RuleMessages messages, Language language) {
        ShownFindings added = ShownFindings.of(comparison.added(), messages, language);
        ShownFindings resolved = ShownFindings.of(comparison.resolved(), messages, language);
        return new PlanComparisonResponse(comparison.planId(), comparison.from(), comparison.to(),
                comparison.added().size(), comparison.resolved().size(), added.findings(), resolved.findings(),
                added.truncated() || resolved.truncated());
    }
}
