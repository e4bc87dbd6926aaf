package jp.tenken.audit.facts;

/** The fiscal year a coverage report is for, and the rotation cycle in fiscal years. */
public record CoverageYear(int fiscalYear, int rotationYears) {
}
