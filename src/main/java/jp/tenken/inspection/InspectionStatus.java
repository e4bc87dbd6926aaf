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
     * WARNING remains, COMPLIANT otherwise. Findings on organization-level items (which only the
     * security office's submission has) never count: a department's status does not depend on an
     * answer it cannot change; {@link #ofOrganizationLevel} judges them apart. A finding accepted
     * under a waiver counts for nothing (CONTRACT §12).
     */
    public static InspectionStatus of(List<Finding> findings, Checklist checklist) {
        return judge(findings.stream().filter(f -> !f.isWaived() && !organizationLevel(f, checklist)).toList(), checklist);
    }

    /** The same judgement over the findings on organization-level items alone. */
    public static InspectionStatus ofOrganizationLevel(List<Finding> findings, Checklist checklist) {
        return judge(findings.stream().filter(f -> !f.isWaived() && organizationLevel(f, checklist)).toList(), checklist);
    }

    /** Whether a finding concerns an organization-level item of the checklist. */
    public static boolean organizationLevel(Finding finding, Checklist checklist) {
        return finding.target().itemId() != null
                && checklist.item(finding.target().itemId()).map(i -> i.organizationLevel()).orElse(false);
    }

    private static InspectionStatus judge(List<Finding> findings, Checklist checklist) {
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
