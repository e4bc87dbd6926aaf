package jp.tenken.checklist;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tenken.document.Lists;

import java.util.List;

/**
 * One question of a checklist. {@code dependsOn} names a YES_NO item (a gate such as "does the
 * department own an information system?"); when the gate is answered NO or NA this item must be NA.
 * {@code threshold} is the lowest acceptable value of a PERCENT item. {@code scope} says who answers
 * it ({@link ItemScope}); left out it is {@code DEPARTMENT}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChecklistItem(String id, String chapter, String question, String questionEn, ItemSeverity severity,
                            AnswerType answerType, Boolean evidenceRequired, Boolean naAllowed,
                            @JsonInclude(JsonInclude.Include.ALWAYS) String dependsOn,
                            Integer threshold, String applicability, List<String> isoRefs, String guidance, ItemScope scope) {
    public ChecklistItem {
        isoRefs = Lists.immutable(isoRefs);
        scope = scope == null ? ItemScope.DEPARTMENT : scope;
    }

    /** Whether the information-security office answers it once for the whole organization. */
    public boolean organizationLevel() {
        return scope == ItemScope.ORGANIZATION;
    }

    /** The question in the reader's language (English falls back to Japanese where none is written). */
    public String question(jp.tenken.engine.Language language) {
        return language == jp.tenken.engine.Language.EN && questionEn != null ? questionEn : question;
    }
}
