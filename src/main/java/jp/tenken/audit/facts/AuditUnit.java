package jp.tenken.audit.facts;

/** A department that is audited (not a group). */
public record AuditUnit(String department) {
}
