package jp.tenken.inspection.facts;

/** An answer of the department's current submission for the previous fiscal year. */
public record PreviousAnswer(String itemId, String answer, int fiscalYear) {
}
