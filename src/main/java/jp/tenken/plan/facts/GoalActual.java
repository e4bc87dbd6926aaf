package jp.tenken.plan.facts;

import java.math.BigDecimal;

/** A numeric actual of a goal in one fiscal year. */
public record GoalActual(String goalId, int fiscalYear, BigDecimal number) {
}
