package jp.tenken.plan.facts;

/**
 * An initiative's {@code years} entry. {@code planText} joins the plan items so rules can look for
 * words in them ({@code planText contains "監査"}).
 */
public record ScheduleYear(int index, int initiativeNo, int fiscalYear, boolean planned, String planText,
                           boolean hasResult, Integer auditedDepartments) {
}
