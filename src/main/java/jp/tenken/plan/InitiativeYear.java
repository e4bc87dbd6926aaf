package jp.tenken.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.PositiveOrZero;
import jp.tenken.document.Lists;

import java.util.List;

/** An initiative's schedule for one fiscal year: what is planned, and the result once recorded. */
public record InitiativeYear(@NotNull @Min(Limits.FIRST_YEAR) @Max(Limits.LAST_YEAR) Integer fiscalYear,
                             @Size(max = Limits.PLAN_ITEMS, message = Limits.ITEMS_MESSAGE) List<@NotNull @Size(max = Limits.TITLE) String> plan,
                             @Size(max = Limits.TEXT) String result,
                             @PositiveOrZero Integer auditedDepartments) {
    public InitiativeYear {
        plan = Lists.immutable(plan);
    }
}
