package jp.tenken.inspection;

import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ItemSeverity;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Severity;

import java.util.List;

/** A department's standing for a fiscal year, worked out from the findings as CONTRACT §4 says. */
public enum InspectionStatus {
    NON_COMPLIANT, NEEDS_IMPROVEMENT, COMPLIANT;

    /**
     * NON_COMPLIANT if an ERROR concerns a HIGH item, NEEDS_IMPROVEMENT if any other ERROR or
     * WARNING remains, COMPLIANT otherwise. A finding accepted under a waiver counts for nothing
     * (CONTRACT §12).
     */
    public static InspectionStatus of(List<Finding> all, Checklist checklist) {
        List<Finding> findings = all.stream().filter(f -> !f.isWaived()).toList();
        boolean highError = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR
                && f.target().itemId() != null
                && checklist.item(f.target().itemId()).map(i -> i.severity() == ItemSeverity.HIGH).orElse(false));
        if (highError) {
            return NON_COMPLIANT;
        }
        boolean anyProblem = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING);
        return anyProblem ? NEEDS_IMPROVEMENT : COMPLIANT;
    }
}
