package jp.tenken.engine;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Comparator;

/**
 * What a finding points at. An evaluation's finding names its field (分野) in {@code field} and the
 * result's position in it in {@code resultIndex} (CONTRACT §10).
 * Only the keys that apply are set; the rest stay null and are left out
 * of the JSON. Targets order by the keys in declaration order, an absent key first, so that
 * document-wide findings come before those on a single initiative.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(Integer initiativeNo, String goalId, Integer fiscalYear, String department,
                     String itemId, String auditId, String field, Integer resultIndex) implements Comparable<Target> {

    public static final Target NONE = new Target(null, null, null, null, null, null, null, null);

    private static final Comparator<Target> ORDER = Comparator
            .comparing(Target::initiativeNo, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::goalId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::fiscalYear, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::department, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::itemId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::auditId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::field, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Target::resultIndex, Comparator.nullsFirst(Comparator.naturalOrder()));

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
        return new Target(v, goalId, fiscalYear, department, itemId, auditId, field, resultIndex);
    }

    public Target withGoalId(String v) {
        return new Target(initiativeNo, v, fiscalYear, department, itemId, auditId, field, resultIndex);
    }

    public Target withFiscalYear(Integer v) {
        return new Target(initiativeNo, goalId, v, department, itemId, auditId, field, resultIndex);
    }

    public Target withDepartment(String v) {
        return new Target(initiativeNo, goalId, fiscalYear, v, itemId, auditId, field, resultIndex);
    }

    public Target withItemId(String v) {
        return new Target(initiativeNo, goalId, fiscalYear, department, v, auditId, field, resultIndex);
    }

    public Target withAuditId(String v) {
        return new Target(initiativeNo, goalId, fiscalYear, department, itemId, v, field, resultIndex);
    }

    public Target withField(String v) {
        return new Target(initiativeNo, goalId, fiscalYear, department, itemId, auditId, v, resultIndex);
    }

    /** A result of an evaluation report, by its position (from 0) within its {@link #field() field} (CONTRACT §10). */
    public Target withResultIndex(Integer v) {
        return new Target(initiativeNo, goalId, fiscalYear, department, itemId, auditId, field, v);
    }

    /** The result {@code index} (from 0) of the evaluation's field {@code field}. */
    public static Target result(String field, int index) {
        return NONE.withField(field).withResultIndex(index);
    }

    @Override
    public int compareTo(Target other) {
        return ORDER.compare(this, other);
    }
}
