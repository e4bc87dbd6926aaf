package jp.tenken.plan;

import jp.tenken.organization.DepartmentDirectory;
import jp.tenken.plan.facts.DepartmentMention;
import jp.tenken.plan.facts.DepartmentName;
import jp.tenken.plan.facts.GoalActual;
import jp.tenken.plan.facts.GoalFact;
import jp.tenken.plan.facts.InitiativeFact;
import jp.tenken.plan.facts.PeriodYear;
import jp.tenken.plan.facts.PlanFact;
import jp.tenken.plan.facts.PolicyFact;
import jp.tenken.plan.facts.ScheduleYear;
import jp.tenken.text.TextKeys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a validated plan document into the facts the plan rules match on. Only values are worked
 * out here (comparison keys, the fiscal calendar); every judgement is left to the rules.
 */
final class PlanFacts {

    private final DepartmentDirectory directory;
    /** Department names seen in this plan, in first-mention order. */
    private final Set<String> departmentNames = new LinkedHashSet<>();
    /** Registry comparison key per name: a plan repeats a few dozen names over all its rows. */
    private final Map<String, String> registryKeys = new HashMap<>();
    /**
     * Sets shared between initiatives with equal content. Thousands of rows name the same few
     * department combinations and plan the same fiscal years; one set each keeps what a check holds
     * in memory (and the garbage collector copies) from growing with every row.
     */
    private final Map<List<String>, Set<String>> keySets = new HashMap<>();
    /** Keyed by the planned years in document order: a list hashes and compares without iterators. */
    private final Map<List<Integer>, Set<Integer>> yearSets = new HashMap<>();

    private PlanFacts(DepartmentDirectory directory) {
        this.directory = directory;
    }

    static List<Object> of(PlanDocument plan, DepartmentDirectory directory) {
        return new PlanFacts(directory).facts(plan);
    }

    private List<Object> facts(PlanDocument plan) {
        List<Initiative> initiatives = plan.initiatives();
        List<Object> facts = new ArrayList<>(initiatives.size() * 4 + 64);
        PlanFact planFact = planFact(plan);
        facts.add(planFact);
        for (int year = plan.period().from(); year <= plan.period().to(); year++) {
            facts.add(new PeriodYear(year));
        }
        for (Policy policy : plan.policies()) {
            facts.add(new PolicyFact(policy.id(), policy.name(), policy.security()));
        }
        for (Goal goal : plan.goals()) {
            GoalFact goalFact = goalFact(goal);
            facts.add(goalFact);
            addActuals(facts, goal, goalFact);
        }
        Numbering numbering = new Numbering(initiatives);
        for (int index = 0; index < initiatives.size(); index++) {
            Initiative initiative = initiatives.get(index);
            List<InitiativeYear> years = initiative.years();
            List<List<String>> items = new ArrayList<>(years.size());
            List<Integer> plannedYears = new ArrayList<>(years.size());
            for (int y = 0; y < years.size(); y++) {
                InitiativeYear year = years.get(y);
                List<String> planned = named(year.plan());
                items.add(planned);
                if (!planned.isEmpty()) {
                    plannedYears.add(year.fiscalYear());
                }
            }
            InitiativeFact initiativeFact = initiativeFact(index, initiative, numbering,
                    yearSets.computeIfAbsent(plannedYears, Set::copyOf));
            facts.add(initiativeFact);
            Map<InitiativeYear, InitiativeYear> previousAudited = previousAudited(years);
            YearTotals totals = YearTotals.of(years, items);
            for (int y = 0; y < years.size(); y++) {
                InitiativeYear year = years.get(y);
                InitiativeYear earlier = previousAudited.get(year);
                facts.add(new ScheduleYear(initiativeFact, planFact, year.fiscalYear(), !items.get(y).isEmpty(), hasResult(year),
                        totals.items(y), totals.hasResult(y), year.auditedDepartments(),
                        earlier == null ? null : earlier.fiscalYear(), earlier == null ? null : earlier.auditedDepartments()));
            }
        }
        Function<String, List<DepartmentMention>> mentionsOf = new DepartmentMentions(initiatives);
        for (String name : departmentNames) {
            String key = TextKeys.departmentKey(name);
            facts.add(new DepartmentName(name, key, mentionsOf, directory.formerNameUsedUntil(key),
                    directory.resolve(name).map(d -> d.name()).orElse(null)));
        }
        return facts;
    }

    private static PlanFact planFact(PlanDocument plan) {
        Period parent = plan.parent() == null ? null : plan.parent().period();
        boolean hasParentPeriod = parent != null && parent.from() != null && parent.to() != null;
        return new PlanFact(plan.id(), plan.period().from(), plan.period().to(), plan.revisedOn(),
                FiscalYears.lastEndedOn(plan.revisedOn()), FiscalYears.firstBeginningAfter(plan.revisedOn()),
                hasParentPeriod, hasParentPeriod ? parent.from() : null, hasParentPeriod ? parent.to() : null,
                plan.initiatives().size(), departmentsNamed(plan.initiatives()),
                Math.max(FiscalYears.of(plan.revisedOn()), plan.period().from()));
    }

    /** Whether a row names a department, list or sheet; usually the first row does, so the walk stops there. */
    private static boolean departmentsNamed(List<Initiative> initiatives) {
        for (Initiative initiative : initiatives) {
            Sheet sheet = initiative.sheet();
            if (!named(initiative.departments()).isEmpty()
                    || sheet != null && sheet.departments() != null && !named(sheet.departments()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static GoalFact goalFact(Goal goal) {
        GoalPoint baseline = goal.baseline();
        GoalPoint target = goal.target();
        return new GoalFact(goal.id(), goal.name(), goal.cumulative(),
                baseline == null ? null : baseline.fiscalYear(), baseline == null ? null : baseline.number(),
                target == null ? null : target.fiscalYear(), target == null ? null : target.number());
    }

    private InitiativeFact initiativeFact(int index, Initiative initiative, Numbering numbering, Set<Integer> plannedYears) {
        Sheet sheet = initiative.sheet();
        List<String> departments = named(initiative.departments());
        departmentNames.addAll(departments);
        List<String> sheetDepartments = null;
        String sheetTitleKey = null;
        String titleKey = TextKeys.titleKey(initiative.title());
        List<String> upperPlans = named(initiative.upperPlans());
        List<String> sheetUpperPlans = sheet == null || sheet.upperPlans() == null ? null : named(sheet.upperPlans());
        if (sheet != null) {
            if (sheet.departments() != null) {
                sheetDepartments = named(sheet.departments());
                departmentNames.addAll(sheetDepartments);
            }
            // A sheet usually prints the list's title verbatim: the key is then the same.
            sheetTitleKey = Objects.equals(initiative.title(), sheet.title()) ? titleKey : TextKeys.titleKey(sheet.title());
        }
        int no = initiative.no();
        return new InitiativeFact(index, no, numbering.count(index), numbering.next(index), numbering.first(index),
                numbering.repostTarget(no), initiative.title(), titleKey,
                initiative.policyId(), initiative.priority(),
                initiative.status() == null ? null : initiative.status().name(),
                initiative.budgetThousandYen(),
                initiative.repostOf(), !initiative.years().isEmpty(), !upperPlans.isEmpty(),
                departments, registryKeys(departments),
                // A blank policy on the sheet is one the sheet does not print, as a blank title is.
                sheet != null, sheet == null || sheet.policyId() == null || sheet.policyId().isBlank() ? null : sheet.policyId(),
                sheet == null ? null : sheet.title(), sheetTitleKey,
                sheetDepartments, sheetDepartments == null ? null : registryKeys(sheetDepartments),
                plannedYears, upperPlans, sheetUpperPlans == null ? null : nameKeys(upperPlans),
                sheetUpperPlans, sheetUpperPlans == null ? null : nameKeys(sheetUpperPlans));
    }

    static boolean hasResult(InitiativeYear year) {
        return year.result() != null && !year.result().isBlank();
    }

    /**
     * What an initiative gives for the fiscal year of each of its entries, in all its entries for
     * that year. When its years rise entry by entry (so none repeats), as in every real plan, that
     * is the entry itself, and it costs neither a map nor a copy.
     */
    private record YearTotals(List<InitiativeYear> years, List<List<String>> entryItems,
                              Map<Integer, List<String>> itemsOfYear, Set<Integer> yearsWithResult) {

        static YearTotals of(List<InitiativeYear> years, List<List<String>> items) {
            boolean rising = true;
            for (int y = 1; y < years.size() && rising; y++) {
                rising = years.get(y).fiscalYear() > years.get(y - 1).fiscalYear();
            }
            if (rising) {
                return new YearTotals(years, items, null, null);
            }
            Map<Integer, List<String>> itemsOfYear = new HashMap<>();
            Set<Integer> yearsWithResult = new HashSet<>();
            for (int y = 0; y < years.size(); y++) {
                InitiativeYear year = years.get(y);
                itemsOfYear.computeIfAbsent(year.fiscalYear(), k -> new ArrayList<>()).addAll(items.get(y));
                if (PlanFacts.hasResult(year)) {
                    yearsWithResult.add(year.fiscalYear());
                }
            }
            return new YearTotals(years, items, itemsOfYear, yearsWithResult);
        }

        /** The plan items of the entry's fiscal year. */
        List<String> items(int entry) {
            return itemsOfYear == null ? entryItems.get(entry) : itemsOfYear.get(years.get(entry).fiscalYear());
        }

        /** Whether the entry's fiscal year has a result. */
        boolean hasResult(int entry) {
            return yearsWithResult == null ? PlanFacts.hasResult(years.get(entry))
                    : yearsWithResult.contains(years.get(entry).fiscalYear());
        }
    }

    /**
     * For each year entry that gives an audited count, the entry it is compared with: the largest
     * count of the nearest earlier year that gives one.
     */
    private static Map<InitiativeYear, InitiativeYear> previousAudited(List<InitiativeYear> years) {
        List<InitiativeYear> counted = new ArrayList<>(years.size());
        for (InitiativeYear year : years) {
            if (year.auditedDepartments() != null) {
                counted.add(year);
            }
        }
        return EarlierYears.nearestEarlier(counted, InitiativeYear::fiscalYear,
                Comparator.comparing(InitiativeYear::auditedDepartments));
    }

    /** A goal's numeric actuals, each with the largest numeric actual of the nearest earlier year. */
    private static void addActuals(List<Object> facts, Goal goal, GoalFact goalFact) {
        List<GoalPoint> numeric = goal.actuals().stream().filter(a -> a.number() != null).toList();
        Map<GoalPoint, GoalPoint> earlier = EarlierYears.nearestEarlier(numeric, GoalPoint::fiscalYear,
                Comparator.comparing(GoalPoint::number));
        for (GoalPoint actual : numeric) {
            GoalPoint previous = earlier.get(actual);
            facts.add(new GoalActual(goalFact, actual.fiscalYear(), actual.number(),
                    previous == null ? null : previous.fiscalYear(), previous == null ? null : previous.number()));
        }
    }

    /**
     * Where the plan names each department, worked out on the first question (for a name the
     * registry does not know) by walking the rows once.
     */
    private static final class DepartmentMentions implements Function<String, List<DepartmentMention>> {

        private final List<Initiative> initiatives;
        private Map<String, List<DepartmentMention>> byName;

        DepartmentMentions(List<Initiative> initiatives) {
            this.initiatives = initiatives;
        }

        @Override
        public List<DepartmentMention> apply(String name) {
            if (byName == null) {
                byName = new HashMap<>();
                for (int index = 0; index < initiatives.size(); index++) {
                    Initiative initiative = initiatives.get(index);
                    add(named(initiative.departments()), index, initiative.no(), "list");
                    Sheet sheet = initiative.sheet();
                    if (sheet != null && sheet.departments() != null) {
                        add(named(sheet.departments()), index, initiative.no(), "sheet");
                    }
                }
            }
            return byName.getOrDefault(name, List.of());
        }

        private void add(List<String> names, int index, int no, String source) {
            for (String name : names) {
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(new DepartmentMention(index, no, name, source));
            }
        }
    }

    /**
     * The non-blank entries of a list of names, stripped. Runs for every row: a list that is already
     * clean (the usual case) is returned as it is, without a copy.
     */
    private static List<String> named(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isEmpty() || Character.isWhitespace(name.charAt(0))
                    || Character.isWhitespace(name.charAt(name.length() - 1))) {
                return cleaned(names);
            }
        }
        return names;
    }

    private static List<String> cleaned(List<String> names) {
        List<String> named = new ArrayList<>(names.size());
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                named.add(name.strip());
            }
        }
        return named;
    }

    /**
     * Names (of upper plans) as a set of comparison keys: width and spaces do not count, as for
     * department names. Only rows whose sheet prints upper plans ask, so no cache is kept.
     */
    private static Set<String> nameKeys(List<String> names) {
        Set<String> keys = new HashSet<>();
        for (String name : names) {
            keys.add(TextKeys.departmentKey(name));
        }
        return keys;
    }

    /** The departments as a set compared by registry name: an alias or former name counts as its department. */
    private Set<String> registryKeys(List<String> names) {
        Set<String> shared = keySets.get(names);
        if (shared != null) {
            return shared;
        }
        Set<String> keys = new HashSet<>();
        for (String name : names) {
            keys.add(registryKeys.computeIfAbsent(name,
                    n -> TextKeys.departmentKey(directory.resolve(n).map(d -> d.name()).orElse(n))));
        }
        shared = Set.copyOf(keys);
        keySets.put(List.copyOf(names), shared);
        return shared;
    }
}
