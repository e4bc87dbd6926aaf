package jp.tenken.audit.facts;

/** An auditor of an audit, with the registry name of their department as its comparison key. */
public record AuditorFact(String auditId, int index, String name, String department, String departmentKey) {
}
