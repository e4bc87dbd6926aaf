package jp.tenken.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Identifier;
import jp.tenken.document.Lists;

import java.time.LocalDate;
import java.util.List;

/** A multi-year plan as uploaded (CONTRACT §2): the document the plan rules check. */
public record PlanDocument(
        // The id is a segment of the plan's URLs (/api/v1/plans/{id}): no character that would end it.
        @NotBlank @Identifier @Pattern(regexp = "[^/?#%\\\\]*", message = "{plan.id.url}") String id,
        @NotBlank @Size(max = Limits.TITLE) String title,
        @NotBlank @Identifier String organization,
        @NotNull LocalDate revisedOn,
        @NotNull @Valid Period period,
        @Valid ParentPlan parent,
        String source,
        @NotEmpty @Size(max = Limits.POLICIES, message = Limits.ITEMS_MESSAGE) List<@Valid @NotNull Policy> policies,
        @Size(max = Limits.GOALS, message = Limits.ITEMS_MESSAGE) List<@Valid @NotNull Goal> goals,
        @NotNull List<@Valid @NotNull Initiative> initiatives) {

    public PlanDocument {
        policies = Lists.immutableOrNull(policies);
        goals = Lists.immutable(goals);
        initiatives = Lists.immutableOrNull(initiatives);
    }
}
