package jp.tenken.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Identifier;
import jp.tenken.document.Lists;

import java.util.List;

/** A measurable goal of the plan; {@code cumulative} goals count up over the years (【累計】). */
public record Goal(@NotBlank @Identifier String id, @NotBlank String name, String unit, boolean cumulative,
                   @Valid GoalPoint baseline, @Valid GoalPoint target,
                   @Size(max = Limits.GOAL_POINTS, message = Limits.ITEMS_MESSAGE) List<@Valid @NotNull GoalPoint> actuals) {
    public Goal {
        actuals = Lists.immutable(actuals);
    }
}
