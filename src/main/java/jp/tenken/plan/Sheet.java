package jp.tenken.plan;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Identifier;
import jp.tenken.document.Lists;

import java.util.List;

/** The header of an initiative's detail sheet as it was printed, compared with the list row. */
public record Sheet(@Identifier String policyId, String title,
                    @Size(max = Limits.DEPARTMENTS, message = Limits.ITEMS_MESSAGE) List<@NotNull @Size(max = Limits.NAME) String> departments) {
    public Sheet {
        departments = Lists.immutableOrNull(departments);
    }
}
