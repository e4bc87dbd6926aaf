package jp.tenken.plan.facts;

import java.math.BigDecimal;

/**
 * A numeric actual of a goal in one fiscal year, with the numeric actual of the nearest earlier
 * year that has one, the larger if that year is given twice ({@code previousYear}/{@code previousNumber},
 * null for the first).
 */
public record GoalActual(String goalId, int fiscalYear, BigDecimal number, Integer previousYear, BigDecimal previousNumber) {
}
