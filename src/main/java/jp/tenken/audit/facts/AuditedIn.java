package jp.tenken.audit.facts;

/** A department was audited in a fiscal year (once, however many audit records). */
public record AuditedIn(String department, int fiscalYear) {
}
