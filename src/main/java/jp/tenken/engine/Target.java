package jp.tenken.engine;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Comparator;

/**
 * What a finding points at. Only the keys that apply are set; the rest stay null and are left out
 * of the JSON. Targets order by the keys in declaration order, an absent key first, so that
 * document-wide findings come before those on a single initiative.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(Integer initiativeNo, String goalId, Integer fiscalYear, String department,
                     String itemId, String auditId, String field) implements Comparable<Target> {

    public static final Target NONE = new Target(null, null, null, null, null, null, null);

    private static final Comparator<Target> ORDER = Comparator
            .comparing(Target::initiativeNo, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::goalId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::fiscalYear, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::department, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::itemId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::auditId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::field, Comparator.nullsFirst(Comparator.naturalOrder()));

    public static Target initiative(int no) {
        return NONE.withInitiativeNo(no);
    }

    public static Target goal(String goalId) {
        return NONE.withGoalId(goalId);
    }

    public static Target fiscalYear(int fiscalYear) {
        return NONE.withFiscalYear(fiscalYear);
    }

    public static Target department(String department) {
        return NONE.withDepartment(department);
    }

    public static Target item(String itemId) {
        return NONE.withItemId(itemId);
    }

    public static Target audit(String auditId) {
        return NONE.withAuditId(auditId);
    }

    public static Target field(String field) {
        return NONE.withField(field);
    }

    public Target withInitiativeNo(Integer v) {
        return new Target(v, goalId, fiscalYear, department, itemId, auditId, field);
    }

    public Target withGoalId(String v) {
        return new Target(initiativeNo, v, fiscalYear, department, itemId, auditId, field);
    }

    public Target withFiscalYear(Integer v) {
        return new Target(initiativeNo, goalId, v, department, itemId, auditId, field);
    }

    public Target withDepartment(String v) {
        return new Target(initiativeNo, goalId, fiscalYear, v, itemId, auditId, field);
    }

    public Target withItemId(String v) {
        return new Target(initiativeNo, goalId, fiscalYear, department, v, auditId, field);
    }

    public Target withAuditId(String v) {
        return new Target(initiativeNo, goalId, fiscalYear, department, itemId, v, field);
    }

    public Target withField(String v) {
        return new Target(initiativeNo, goalId, fiscalYear, department, itemId, auditId, v);
    }

    @Override
    public int compareTo(Target other) {
        return ORDER.compare(this, other);
    }
}
