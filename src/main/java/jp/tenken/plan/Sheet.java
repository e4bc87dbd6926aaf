package jp.tenken.plan;

import jp.tenken.document.Lists;

import java.util.List;

/** The header of an initiative's detail sheet as it was printed, compared with the list row. */
public record Sheet(String policyId, String title, List<String> departments) {
    public Sheet {
        departments = Lists.immutableOrNull(departments);
    }
}
