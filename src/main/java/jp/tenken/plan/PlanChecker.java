package jp.tenken.plan;

import jakarta.inject.Singleton;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.RuleBase;
import jp.tenken.organization.DepartmentDirectory;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.plan.facts.RecordedAudits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one entry point that checks a plan: HTTP and the command line both call it. It refuses a
 * plan the rules cannot sensibly run on (reversed period, duplicate policy ids, unknown
 * organization) and otherwise returns every finding of the plan rules.
 */
@Singleton
public final class PlanChecker {

    static final String FAMILY = "plan";

    private final RuleBase ruleBase;
    private final OrganizationRegistry registry;

    public PlanChecker(RuleBase ruleBase, OrganizationRegistry registry) {
        this.ruleBase = ruleBase;
        this.registry = registry;
    }

    /** Checks a plan without audit records (the command line): PLAN-AUDIT-COUNT-VS-RECORDS stays silent. */
    public PlanCheck check(PlanDocument plan) {
        return check(plan, AuditRecords.NONE);
    }

    /**
     * Checks a plan; where it states audited-department counts for fiscal years that have ended, the
     * organization's audit records are read for those years (only then) and given to the rules.
     */
    public PlanCheck check(PlanDocument plan, AuditRecords records) {
        requireCoherent(plan);
        DepartmentDirectory directory = registry.requireDirectory(plan.organization());
        List<Object> facts = PlanFacts.of(plan, directory);
        recordedAudits(plan, records).ifPresent(facts::add);
        RuleBase.Compiled rules = ruleBase.compiled(); // once: the version names the rules that found
        return new PlanCheck(plan.id(), rules.version(), rules.evaluate(FAMILY, facts, Map.of("departments", directory)));
    }

    /** The records of the ended years the plan gives a count for; nothing to read when it gives none. */
    private static Optional<RecordedAudits> recordedAudits(PlanDocument plan, AuditRecords records) {
        int lastEnded = FiscalYears.lastEndedOn(plan.revisedOn());
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        for (Initiative initiative : plan.initiatives()) {
            for (InitiativeYear year : initiative.years()) {
                if (year.auditedDepartments() != null && year.fiscalYear() <= lastEnded) {
                    from = Math.min(from, year.fiscalYear());
                    to = Math.max(to, year.fiscalYear());
                }
            }
        }
        if (from > to || records == AuditRecords.NONE) {
            return Optional.empty();
        }
        return records.departmentsAudited(plan.organization(), from, to).map(RecordedAudits::new);
    }

    /** Cross-field requirements of the contract that single-field constraints cannot express. */
    private static void requireCoherent(PlanDocument plan) {
        List<Problem> problems = new ArrayList<>();
        if (plan.period().from() > plan.period().to()) {
            problems.add(Problem.of("period.to", "plan.period.order",
                    "from", String.valueOf(plan.period().from()), "to", String.valueOf(plan.period().to())));
        }
        if (plan.period().to() - plan.period().from() >= Limits.LONGEST_PERIOD) {
            problems.add(Problem.of("period.to", "plan.period.length", "max", String.valueOf(Limits.LONGEST_PERIOD)));
        }
        Period parent = plan.parent() == null ? null : plan.parent().period();
        if (parent != null && parent.from() != null && parent.to() != null && parent.from() > parent.to()) {
            problems.add(Problem.of("parent.period.to", "plan.period.order",
                    "from", String.valueOf(parent.from()), "to", String.valueOf(parent.to())));
        }
        Set<String> policyIds = new HashSet<>();
        for (int i = 0; i < plan.policies().size(); i++) {
            String id = plan.policies().get(i).id();
            if (!policyIds.add(id)) {
                problems.add(Problem.of("policies[" + i + "].id", "plan.policy.duplicate", "id", id));
            }
        }
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED, "document.invalid", problems);
        }
    }
}
