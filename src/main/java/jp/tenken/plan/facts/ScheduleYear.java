package jp.tenken.plan.facts;

/**
 * An initiative's {@code years} entry, with the initiative it belongs to and the plan's calendar at
 * hand: the year rules compare {@code fiscalYear} with {@code plan.lastEndedFiscalYear} or read
 * {@code initiative.status} on this one fact instead of joining three, so a year that cannot matter
 * to a rule is dropped before it reaches the join network. {@code planText} joins the plan items so
 * rules can look for words in them ({@code planText contains "監査"}). Where the year gives an
 * audited-department count, {@code previousAudited*} is the count of the nearest earlier year of
 * the same initiative that gives one, the larger if that year is given twice (null if none).
 */
public record ScheduleYear(InitiativeFact initiative, PlanFact plan, int fiscalYear, boolean planned, String planText,
                           boolean hasResult, Integer auditedDepartments,
                           Integer previousAuditedYear, Integer previousAuditedDepartments) {

    /** The initiative's position in the document; rules join on it. */
    public int index() {
        return initiative.index();
    }

    public int initiativeNo() {
        return initiative.no();
    }

    /** The initiative's policy; the security-cycle rule joins on it. */
    public String policyId() {
        return initiative.policyId();
    }
}
