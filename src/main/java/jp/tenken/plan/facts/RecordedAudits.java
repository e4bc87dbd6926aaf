package jp.tenken.plan.facts;

import java.util.Map;

/**
 * What the organization's audit records say, present only when the plan is checked by the service
 * and the organization has audits recorded: the number of distinct departments audited in each
 * fiscal year a plan's count is compared for (absent year: none audited).
 */
public record RecordedAudits(Map<Integer, Integer> departmentsByYear) {

    public RecordedAudits {
        departmentsByYear = Map.copyOf(departmentsByYear);
    }

    /** Distinct departments with an audit recorded in the fiscal year. */
    public int departmentsIn(int fiscalYear) {
        return departmentsByYear.getOrDefault(fiscalYear, 0);
    }
}
