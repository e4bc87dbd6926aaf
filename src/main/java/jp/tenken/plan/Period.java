package jp.tenken.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A span of fiscal years, both ends included, within the years a municipal plan can mean. */
public record Period(@NotNull @Min(Limits.FIRST_YEAR) @Max(Limits.LAST_YEAR) Integer from,
                     @NotNull @Min(Limits.FIRST_YEAR) @Max(Limits.LAST_YEAR) Integer to) {
    public boolean contains(int fiscalYear) {
        return from != null && to != null && fiscalYear >= from && fiscalYear <= to;
    }
}
