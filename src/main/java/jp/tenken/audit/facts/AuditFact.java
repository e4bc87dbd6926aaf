package jp.tenken.audit.facts;

/** An audit of a department; {@code departmentKey} compares departments by registry name. */
public record AuditFact(String auditId, String department, String departmentKey, int fiscalYear) {
}
