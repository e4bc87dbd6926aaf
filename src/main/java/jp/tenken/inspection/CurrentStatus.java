package jp.tenken.inspection;

import jp.tenken.engine.Finding;

import java.util.List;

/** A department's current self-inspection of a fiscal year as the compliance list shows it: no answers. */
public record CurrentStatus(String id, String department, InspectionStatus status, List<Finding> findings) {
}
