package jp.tenken.plan.facts;

import java.math.BigDecimal;

/**
 * A numeric actual of a goal in one fiscal year, with the goal it belongs to and the numeric actual
 * of the nearest earlier year that has one, the larger if that year is given twice
 * ({@code previousYear}/{@code previousNumber}, null for the first). Carrying the goal rather than
 * its id keeps two goals apart even if a plan gives them the same id.
 */
public record GoalActual(GoalFact goal, int fiscalYear, BigDecimal number, Integer previousYear, BigDecimal previousNumber) {
}
