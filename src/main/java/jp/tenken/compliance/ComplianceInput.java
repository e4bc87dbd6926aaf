package jp.tenken.compliance;

import jp.tenken.document.Lists;

import java.time.LocalDate;
import java.util.List;

/**
 * What the compliance rules look at for one organization and fiscal year.
 *
 * @param units     the departments that are inspected and audited
 * @param submitted the departments with a current self-inspection for the year
 * @param asOf      the date "overdue" is judged on
 */
public record ComplianceInput(int fiscalYear, LocalDate asOf, List<String> units, List<String> submitted) {
    public ComplianceInput {
        units = Lists.immutable(units);
        submitted = Lists.immutable(submitted);
    }
}
