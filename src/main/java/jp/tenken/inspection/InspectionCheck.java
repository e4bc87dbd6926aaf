package jp.tenken.inspection;

import jp.tenken.checklist.Checklist;
import jp.tenken.engine.Finding;

import java.util.List;

/**
 * What the self-inspection rules found in one submission.
 *
 * @param department the registry's name of the department (an alias in the submission resolves to it)
 */
public record InspectionCheck(InspectionSubmission submission, String department, Checklist checklist,
                              String rulesVersion, List<Finding> findings, InspectionStatus status) {
    public InspectionCheck {
        findings = List.copyOf(findings);
    }
}
