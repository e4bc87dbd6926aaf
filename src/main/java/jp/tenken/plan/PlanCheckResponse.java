package jp.tenken.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tenken.api.FindingView;
import jp.tenken.api.Summary;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleMessages;

import java.util.List;

/** The body of POST /api/v1/plans/check and of {@code check-plan --format json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanCheckResponse(String planId, String rulesVersion, Summary summary, List<FindingView> findings) {

    public static PlanCheckResponse of(PlanCheck check, RuleMessages messages, Language language) {
        return new PlanCheckResponse(check.planId(), check.rulesVersion(), Summary.of(check.findings()),
                FindingView.of(check.findings(), messages, language));
    }
}
