package jp.tenken.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tenken.api.FindingView;
import jp.tenken.api.ShownFindings;
import jp.tenken.api.Summary;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleMessages;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of POST /api/v1/plans/check and of {@code check-plan --format json}; POST /api/v1/plans
 * and GET …/findings add the stored {@code version}, {@code storedAt} and {@code storedBy} (the user who
 * stored it; left out, like the other fields that are null, for a version stored before accounts existed). {@code findings} lists at most
 * {@code tenken.limits.max-findings}; {@code truncated} says the list was cut, {@code summary} counts all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanCheckResponse(String planId, Integer version, OffsetDateTime storedAt, String storedBy, String rulesVersion,
                                Summary summary, List<FindingView> findings, boolean truncated) {

    /** The answer of a check that stores nothing. */
    public static PlanCheckResponse of(PlanCheck check, RuleMessages messages, Language language) {
        ShownFindings shown = ShownFindings.of(check.findings(), messages, language);
        return new PlanCheckResponse(check.planId(), null, null, null, check.rulesVersion(), Summary.of(check.findings()),
                shown.findings(), shown.truncated());
    }

    /** The findings of a stored version, with its number, time and the user who stored it. */
    public static PlanCheckResponse of(StoredPlan stored, RuleMessages messages, Language language) {
        ShownFindings shown = ShownFindings.of(stored.findings(), messages, language);
        return new PlanCheckResponse(stored.planId(), stored.version(), stored.storedAt(), stored.storedBy(), stored.rulesVersion(),
                Summary.of(stored.findings()), shown.findings(), shown.truncated());
    }
}
