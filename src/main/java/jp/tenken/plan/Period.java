package jp.tenken.plan;

import jakarta.validation.constraints.NotNull;

/** A span of fiscal years, both ends included. */
public record Period(@NotNull Integer from, @NotNull Integer to) {
    public boolean contains(int fiscalYear) {
        return from != null && to != null && fiscalYear >= from && fiscalYear <= to;
    }
}
