package jp.tenken.compliance.facts;

/** A department has a current self-inspection for the fiscal year. */
public record SubmittedFact(String department, int fiscalYear) {
}
