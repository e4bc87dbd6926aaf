package jp.tenken.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Identifier;
import jp.tenken.document.Lists;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of the plan's list of initiatives (取組一覧) with its detail sheet. Fields beyond the
 * contract ({@code summary}, {@code category}, {@code supplementaryBudgetThousandYen}, {@code note})
 * carry what the city's other documents print; see docs/plan-format.md.
 */
public record Initiative(
        @NotNull @Positive Integer no,
        @Identifier String policyId,
        @NotBlank @Size(max = Limits.TITLE) String title,
        boolean priority,
        InitiativeKind kind,
        @Size(max = Limits.DEPARTMENTS, message = Limits.ITEMS_MESSAGE) List<@NotNull @Size(max = Limits.NAME) String> departments,
        @Size(max = Limits.UPPER_PLANS, message = Limits.ITEMS_MESSAGE) List<@NotNull @Size(max = Limits.TITLE) String> upperPlans,
        @Size(max = Limits.TEXT) String purpose,
        @Size(max = Limits.TEXT) String summary,
        String category,
        @Digits(integer = Limits.BUDGET_DIGITS, fraction = 6) BigDecimal budgetThousandYen,
        @Digits(integer = Limits.BUDGET_DIGITS, fraction = 6) BigDecimal supplementaryBudgetThousandYen,
        InitiativeStatus status,
        Integer repostOf,
        @Size(max = Limits.TEXT) String note,
        @Size(max = Limits.YEARS, message = Limits.ITEMS_MESSAGE) List<@Valid @NotNull InitiativeYear> years,
        @Valid Sheet sheet) {

    public Initiative {
        departments = Lists.immutable(departments);
        upperPlans = Lists.immutable(upperPlans);
        years = Lists.immutable(years);
    }
}
