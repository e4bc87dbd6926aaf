package jp.tenken.plan.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One initiative (list row and sheet header). {@code index} is its position in the document: rules
 * join on it, because {@code no} itself may be duplicated. {@code *Key} fields are comparison keys
 * (see {@link jp.tenken.text.TextKeys}); {@code budgetKey} compares budgets by value;
 * {@code plannedYears} are the fiscal years whose schedule lists at least one plan item.
 */
public record InitiativeFact(int index, int no, String title, String titleKey, String policyId,
                             boolean priority, String status, BigDecimal budget, String budgetKey,
                             Integer repostOf, boolean hasYears, boolean hasUpperPlans,
                             List<String> departments, Set<String> departmentKeys,
                             boolean hasSheet, String sheetPolicyId, String sheetTitle, String sheetTitleKey,
                             List<String> sheetDepartments, Set<String> sheetDepartmentKeys,
                             Set<Integer> plannedYears) {

    /** Whether the sheet prints departments to compare with the list row. */
    public boolean sheetNamesDepartments() {
        return hasSheet && sheetDepartments != null && !sheetDepartments.isEmpty();
    }
}
