package jp.tenken.plan;

import jp.tenken.organization.DepartmentDirectory;
import jp.tenken.plan.facts.DepartmentMention;
import jp.tenken.plan.facts.GoalActual;
import jp.tenken.plan.facts.GoalFact;
import jp.tenken.plan.facts.InitiativeFact;
import jp.tenken.plan.facts.KnownDepartment;
import jp.tenken.plan.facts.PeriodYear;
import jp.tenken.plan.facts.PlanFact;
import jp.tenken.plan.facts.PolicyFact;
import jp.tenken.plan.facts.ScheduleYear;
import jp.tenken.text.TextKeys;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a validated plan document into the facts the plan rules match on. Only values are worked
 * out here (comparison keys, the fiscal calendar); every judgement is left to the rules.
 */
final class PlanFacts {

    private PlanFacts() {
    }

    static List<Object> of(PlanDocument plan, DepartmentDirectory directory) {
        List<Object> facts = new ArrayList<>();
        facts.add(planFact(plan));
        for (int year = plan.period().from(); year <= plan.period().to(); year++) {
            facts.add(new PeriodYear(year));
        }
        for (Policy policy : plan.policies()) {
            facts.add(new PolicyFact(policy.id(), policy.name(), policy.security()));
        }
        for (Goal goal : plan.goals()) {
            facts.add(goalFact(goal));
            for (GoalPoint actual : goal.actuals()) {
                if (actual.number() != null) {
                    facts.add(new GoalActual(goal.id(), actual.fiscalYear(), actual.number()));
                }
            }
        }
        for (String key : directory.knownKeys()) {
            facts.add(new KnownDepartment(key));
        }
        List<Initiative> initiatives = plan.initiatives();
        for (int index = 0; index < initiatives.size(); index++) {
            Initiative initiative = initiatives.get(index);
            facts.add(initiativeFact(index, initiative, directory));
            addDepartmentMentions(facts, index, initiative);
            for (InitiativeYear year : initiative.years()) {
                facts.add(scheduleYear(index, initiative.no(), year));
            }
        }
        return facts;
    }

    private static PlanFact planFact(PlanDocument plan) {
        Period parent = plan.parent() == null ? null : plan.parent().period();
        boolean hasParentPeriod = parent != null && parent.from() != null && parent.to() != null;
        return new PlanFact(plan.id(), plan.period().from(), plan.period().to(), plan.revisedOn(),
                FiscalYears.lastEndedOn(plan.revisedOn()), FiscalYears.firstBeginningAfter(plan.revisedOn()),
                hasParentPeriod, hasParentPeriod ? parent.from() : null, hasParentPeriod ? parent.to() : null);
    }

    private static GoalFact goalFact(Goal goal) {
        GoalPoint baseline = goal.baseline();
        GoalPoint target = goal.target();
        return new GoalFact(goal.id(), goal.name(), goal.cumulative(),
                baseline == null ? null : baseline.fiscalYear(), baseline == null ? null : baseline.number(),
                target == null ? null : target.fiscalYear(), target == null ? null : target.number());
    }

    private static InitiativeFact initiativeFact(int index, Initiative initiative, DepartmentDirectory directory) {
        Sheet sheet = initiative.sheet();
        List<String> departments = named(initiative.departments());
        List<String> sheetDepartments = sheet == null || sheet.departments() == null ? null : named(sheet.departments());
        return new InitiativeFact(index, initiative.no(), initiative.title(), TextKeys.titleKey(initiative.title()),
                initiative.policyId(), initiative.priority(),
                initiative.status() == null ? null : initiative.status().name(),
                initiative.budgetThousandYen(), budgetKey(initiative.budgetThousandYen()),
                initiative.repostOf(), !initiative.years().isEmpty(), !named(initiative.upperPlans()).isEmpty(),
                departments, keys(departments, directory),
                sheet != null, sheet == null ? null : sheet.policyId(),
                sheet == null ? null : sheet.title(), sheet == null ? null : TextKeys.titleKey(sheet.title()),
                sheetDepartments, sheetDepartments == null ? null : keys(sheetDepartments, directory));
    }

    private static void addDepartmentMentions(List<Object> facts, int index, Initiative initiative) {
        for (String name : named(initiative.departments())) {
            facts.add(new DepartmentMention(index, initiative.no(), name, TextKeys.departmentKey(name), "list"));
        }
        Sheet sheet = initiative.sheet();
        if (sheet != null && sheet.departments() != null) {
            for (String name : named(sheet.departments())) {
                facts.add(new DepartmentMention(index, initiative.no(), name, TextKeys.departmentKey(name), "sheet"));
            }
        }
    }

    private static ScheduleYear scheduleYear(int index, int no, InitiativeYear year) {
        List<String> items = named(year.plan());
        boolean hasResult = year.result() != null && !year.result().isBlank();
        return new ScheduleYear(index, no, year.fiscalYear(), !items.isEmpty(), String.join("\n", items),
                hasResult, year.auditedDepartments());
    }

    /** The non-blank entries of a list of names. */
    private static List<String> named(List<String> names) {
        return names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
    }

    /** The departments as a set compared by registry name: an alias or former name counts as its department. */
    private static Set<String> keys(List<String> names, DepartmentDirectory directory) {
        Set<String> keys = new LinkedHashSet<>();
        names.forEach(n -> keys.add(TextKeys.departmentKey(directory.resolve(n).map(d -> d.name()).orElse(n))));
        return Set.copyOf(keys);
    }

    private static String budgetKey(BigDecimal budget) {
        return budget == null ? "" : budget.stripTrailingZeros().toPlainString();
    }
}
