package jp.tenken.compliance.facts;

/** A department that is inspected and audited (not a group), in the fiscal year the list is for. */
public record UnitFact(String department, int fiscalYear) {
}
