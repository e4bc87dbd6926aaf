package jp.tenken.inspection.facts;

import java.time.LocalDate;

/**
 * An answer of the submission. {@code answer} is YES, PARTIAL, NO, NA or null (a PERCENT value);
 * {@code remediationComplete}: an action and a due date are both given.
 */
public record AnswerFact(int index, String itemId, String answer, Double value, boolean hasEvidence,
                         boolean remediationComplete, LocalDate remediationDue) {
}
