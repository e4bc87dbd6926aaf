package jp.tenken.plan;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Identifier;
import jp.tenken.document.Lists;

import java.util.List;

/**
 * The header of an initiative's detail sheet as it was printed, compared with the list row.
 * {@code upperPlans} (an extension) is what the sheet's upper-plan cell names; null when the sheet
 * prints no such cell, an empty list when it prints the cell empty.
 */
public record Sheet(@Identifier String policyId, String title,
                    @Size(max = Limits.DEPARTMENTS, message = Limits.ITEMS_MESSAGE) List<@NotNull @Size(max = Limits.NAME) String> departments,
                    @Size(max = Limits.UPPER_PLANS, message = Limits.ITEMS_MESSAGE) List<@NotNull @Size(max = Limits.TITLE) String> upperPlans) {
    public Sheet {
        departments = Lists.immutableOrNull(departments);
        upperPlans = Lists.immutableOrNull(upperPlans);
    }
}
