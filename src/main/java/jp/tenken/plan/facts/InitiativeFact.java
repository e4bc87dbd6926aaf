package jp.tenken.plan.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One initiative (list row and sheet header). {@code index} is its position in the document: rules
 * join on it, because {@code no} itself may be duplicated. {@code *Key} fields are comparison keys
 * (see {@link jp.tenken.text.TextKeys}); {@code plannedYears} are the fiscal years whose schedule
 * lists at least one plan item. The numbering of the whole plan is carried too: how many rows
 * carry {@code no} ({@code numberCount}), the next larger number used ({@code nextNumber}, null for
 * the largest), whether this row is the first with its number ({@code firstOfNumber}), and whether
 * a 【再掲】 row points at its number ({@code repostTarget}); the numbering and repost rules read
 * them off this one fact instead of comparing every row with every other. {@code sheetUpperPlans}
 * is null when the sheet prints no upper-plan cell; only then are the upper plans left without
 * comparison keys ({@code upperPlanKeys} and {@code sheetUpperPlanKeys} null), which no other rule reads.
 */
public record InitiativeFact(int index, int no, int numberCount, Integer nextNumber, boolean firstOfNumber,
                             boolean repostTarget, String title, String titleKey, String policyId,
                             boolean priority, String status, BigDecimal budget,
                             Integer repostOf, boolean hasYears, boolean hasUpperPlans,
                             List<String> departments, Set<String> departmentKeys,
                             boolean hasSheet, String sheetPolicyId, String sheetTitle, String sheetTitleKey,
                             List<String> sheetDepartments, Set<String> sheetDepartmentKeys,
                             Set<Integer> plannedYears,
                             List<String> upperPlans, Set<String> upperPlanKeys,
                             List<String> sheetUpperPlans, Set<String> sheetUpperPlanKeys) {

    /** The number that follows this one when nothing is missing. */
    public int successorNo() {
        return no + 1;
    }

    /**
     * The budget compared by value (1000 and 1000.0 are the same budget). Only the repost rule
     * compares budgets, on a handful of rows, so the key is worked out when it asks.
     */
    public String budgetKey() {
        return budget == null ? "" : budget.stripTrailingZeros().toPlainString();
    }

    /** Whether this row is an original, not itself a 【再掲】 of another. */
    public boolean original() {
        return repostOf == null;
    }

    /** The first original (in document order) among rows a repost points at, or null. */
    public static InitiativeFact firstOriginal(List<?> rows) {
        InitiativeFact first = null;
        for (Object row : rows) {
            InitiativeFact fact = (InitiativeFact) row;
            if (fact.original() && (first == null || fact.index < first.index)) {
                first = fact;
            }
        }
        return first;
    }

    /** Whether the sheet prints departments to compare with the list row. */
    public boolean sheetNamesDepartments() {
        return hasSheet && sheetDepartments != null && !sheetDepartments.isEmpty();
    }
}
