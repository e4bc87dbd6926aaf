package jp.tenken.account;

/**
 * One constant per row of the permission table of CONTRACT §7, in the table's order. The name is
 * what a refusal (the later 403) says is missing.
 */
public enum Action {
    /** plans: check, store (own organization) */
    PLAN_CHECK_STORE,
    /** plans: read */
    PLAN_READ,
    /** inspections: submit */
    INSPECTION_SUBMIT,
    /** inspections: read */
    INSPECTION_READ,
    /** audits: record, complete an action */
    AUDIT_WRITE,
    /** audits: read */
    AUDIT_READ,
    /** coverage, compliance list */
    COMPLIANCE_READ,
    /** evaluations: check, store */
    EVALUATION_WRITE,
    /**
     * evaluations: read (Tenken's addition to the table: whoever may read the plans an evaluation is
     * traced to may read the evaluation)
     */
    EVALUATION_READ,
    /** waivers: create, revoke */
    WAIVER_WRITE,
    /** reminders */
    REMINDERS_READ,
    /** rules, checklists, organizations, templates: read */
    CATALOGUE_READ,
    /** users, rules reload */
    ADMINISTER,
    /** activity (audit trail) */
    ACTIVITY_READ
}
