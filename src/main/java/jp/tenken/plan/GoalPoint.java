package jp.tenken.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A goal's value in one fiscal year (baseline, target or actual). */
public record GoalPoint(@NotNull @Min(Limits.FIRST_YEAR) @Max(Limits.LAST_YEAR) Integer fiscalYear, GoalValue value) {
    /** The numeric value, or null for text or no value: numeric goal rules skip those. */
    public java.math.BigDecimal number() {
        return value == null ? null : value.number();
    }
}
