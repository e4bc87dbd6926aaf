package jp.tenken.plan.facts;

import java.math.BigDecimal;

/** A goal with its baseline and target; the numbers are null where the value is text or absent. */
public record GoalFact(String id, String name, boolean cumulative,
                       Integer baselineYear, BigDecimal baselineNumber,
                       Integer targetYear, BigDecimal targetNumber) {
}
