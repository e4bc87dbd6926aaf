package jp.tenken.audit;

import jakarta.inject.Singleton;
import jp.tenken.organization.Department;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.plan.AuditRecords;

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

    private final AuditStore store;
    private final OrganizationRegistry registry;

    RecordedAuditCounts(AuditStore store, OrganizationRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public Optional<Map<Integer, Integer>> departmentsAudited(String organization, int fromYear, int toYear) {
        return store.departmentsAudited(organization, fromYear, toYear).map(stored -> counts(organization, fromYear, toYear, stored));
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
