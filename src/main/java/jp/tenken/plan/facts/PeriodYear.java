package jp.tenken.plan.facts;

/** One fiscal year of the plan period. */
public record PeriodYear(int fiscalYear) {
}
