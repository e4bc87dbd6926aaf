package jp.tenken.plan;

import java.util.Map;
import java.util.Optional;

/**
 * The audit records the service holds, as far as the plan check needs them: the plan states how
 * many departments were audited in a year, the records say how many were. The plan feature does
 * not reach into audits; the audit feature answers through this. The command line has no records
 * ({@link #NONE}).
 */
public interface AuditRecords {

    /** No records at all: what the command line checks with. */
    AuditRecords NONE = (organization, fromYear, toYear) -> Optional.empty();

    /**
     * For each fiscal year from {@code fromYear} to {@code toYear}, the number of distinct
     * departments of the organization with an audit recorded in it (0 for a year without one);
     * empty when the organization has no audit recorded in any year.
     */
    Optional<Map<Integer, Integer>> departmentsAudited(String organization, int fromYear, int toYear);
}
