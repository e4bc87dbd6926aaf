package jp.tenken.api;

import jp.tenken.engine.Finding;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleMessages;

import java.util.List;

/**
 * The findings one response lists: the first {@code tenken.limits.max-findings} (1,000) in contract
 * order, rendered in the reader's language, and whether the list was cut. The response's
 * {@code summary} still counts all of them. Only the shown ones are rendered, so a document with a
 * hundred thousand findings costs a thousand messages, not a hundred thousand.
 */
public record ShownFindings(List<FindingView> findings, boolean truncated) {

    public static ShownFindings of(List<Finding> all, RuleMessages messages, Language language) {
        int max = Limits.maxFindings();
        boolean truncated = all.size() > max;
        return new ShownFindings(FindingView.of(truncated ? all.subList(0, max) : all, messages, language), truncated);
    }
}
