package jp.tenken.audit;

import jakarta.inject.Singleton;
import jp.tenken.organization.Department;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.plan.AuditRecords;
import jp.tenken.storage.RecentReads;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The audit records as the plan check asks for them: how many distinct departments were audited
 * in each fiscal year. A department is counted by its registry name today, so two audits of one
 * unit under an alias or a former name count once.
 */
@Singleton
class RecordedAuditCounts implements AuditRecords {

    /**
     * How long the counts read for an organization are answered again. Every plan check of the
     * service asks for them (PLAN-AUDIT-COUNT-VS-RECORDS); reading them on each check took about a
     * twelfth of a check's CPU over HTTP on H2 (docs/performance.md). An audit recorded on this
     * instance counts at once ({@link #recorded}); one recorded on another instance within this time.
     */
    static final Duration KEPT = Duration.ofSeconds(2);

    private record Asked(String organization, int fromYear, int toYear) {
    }

    private final AuditStore store;
    private final OrganizationRegistry registry;
    private final RecentReads<Asked, Optional<Map<Integer, Set<String>>>> recent = new RecentReads<>(KEPT);

    RecordedAuditCounts(AuditStore store, OrganizationRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public Optional<Map<Integer, Integer>> departmentsAudited(String organization, int fromYear, int toYear) {
        return recent.get(new Asked(organization, fromYear, toYear),
                        // Kept unmodifiable: the same answer is read by concurrent checks.
                        asked -> store.departmentsAudited(asked.organization(), asked.fromYear(), asked.toYear())
                                .map(java.util.Collections::unmodifiableMap))
                .map(stored -> counts(organization, fromYear, toYear, stored));
    }

    /** An audit of the organization was recorded on this instance: its counts are read again. */
    void recorded(String organization) {
        recent.forget(asked -> asked.organization().equals(organization));
    }

    private Map<Integer, Integer> counts(String organization, int fromYear, int toYear, Map<Integer, Set<String>> stored) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int year = fromYear; year <= toYear; year++) {
            Set<String> units = new HashSet<>();
            for (String department : stored.getOrDefault(year, Set.of())) {
                units.add(registry.directory(organization).flatMap(d -> d.resolve(department))
                        .map(Department::name).orElse(department));
            }
            counts.put(year, units.size());
        }
        return counts;
    }
}
