package jp.tenken.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleMessages;
import jp.tenken.engine.Severity;
import jp.tenken.engine.Target;
import jp.tenken.i18n.Texts;
import jp.tenken.text.JapaneseDates;

import java.util.List;
import java.util.Map;

/**
 * A finding as the contract shows it (§1): rule, severity, message in the reader's language, target;
 * and, for a finding accepted under a waiver that holds, {@code waiver} (§12), left out otherwise.
 */
public record FindingView(String ruleId, Severity severity, String message, Target target,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Finding.Waived waiver) {

    public FindingView(String ruleId, Severity severity, String message, Target target) {
        this(ruleId, severity, message, target, null);
    }

    /**
     * The message as a file shows it (CSV, workbook, PDF): a waived finding says so after its message,
     * with the waiver's reason and expiry, since a file has no badge beside the line.
     */
    public String messageInFiles(Language language) {
        if (waiver == null) {
            return message;
        }
        String expires = language == Language.JA ? JapaneseDates.date(waiver.expiresOn()) : waiver.expiresOn().toString();
        return message + Texts.get(language, "finding.waived", Map.of("reason", waiver.reason(), "expires", expires));
    }

    public static List<FindingView> of(List<Finding> findings, RuleMessages messages, Language language) {
        return findings.stream()
                .map(f -> new FindingView(f.ruleId(), f.severity(), messages.render(f, language), f.target(), f.waiver()))
                .toList();
    }
}
