package jp.tenken.evaluation.facts;

/**
 * An initiative of the plan the report is checked against; {@code hasResult}: the plan records a
 * result (実績) for it in the report's fiscal year.
 */
public record PlanInitiativeFact(int no, String title, boolean hasResult) {
}
