package jp.tenken.plan.facts;

import java.util.List;

/**
 * An initiative's {@code years} entry, with the initiative it belongs to and the plan's calendar at
 * hand: the year rules compare {@code fiscalYear} with {@code plan.lastEndedFiscalYear} or read
 * {@code initiative.status} on this one fact instead of joining three, so a year that cannot matter
 * to a rule is dropped before it reaches the join network. An initiative may give a fiscal year in
 * two entries: {@code yearPlanItems} and {@code yearHasResult} are what all its entries for the year
 * give together (this entry's own when the year is given once), so rules about the year need no
 * join to find the other entry. Rules look for words in them with
 * {@code planNames(CycleActivity.AUDIT)}; {@code planText} joins them for a message. Where the year
 * gives an audited-department count, {@code previousAudited*} is the count of the nearest earlier
 * year of the same initiative that gives one, the larger if that year is given twice (null if none).
 */
public record ScheduleYear(InitiativeFact initiative, PlanFact plan, int fiscalYear, boolean planned,
                           boolean hasResult, List<String> yearPlanItems, boolean yearHasResult, Integer auditedDepartments,
                           Integer previousAuditedYear, Integer previousAuditedDepartments) {

    /**
     * Whether one of the initiative's plan items for the year names the activity of the security
     * cycle. Every schedule year of the plan is tested with it as it is inserted, so it reads the
     * items as they are instead of joining them into one text first (a word never spans two items).
     */
    public boolean planNames(CycleActivity activity) {
        return activity.namedInAny(yearPlanItems);
    }

    /** The plan items as one text, one item per line. */
    public String planText() {
        return String.join("\n", yearPlanItems);
    }

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
