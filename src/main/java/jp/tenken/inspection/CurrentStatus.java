package jp.tenken.inspection;

import jp.tenken.engine.Finding;

import java.util.List;

/** A department's current self-inspection of a fiscal year as the compliance list shows it: no answers. */
public record CurrentStatus(String id, String department, InspectionStatus status, List<Finding> findings, String checklistId) {

    /** The same line with its findings marked by the waivers that hold, and its status without the waived ones. */
    public CurrentStatus waived(InspectionWaivers waivers, jp.tenken.waiver.WaiverApplier.Holding holding) {
        List<Finding> marked = holding.apply(jp.tenken.waiver.WaiverApplier.department(department), findings);
        return new CurrentStatus(id, department, waivers.statusOf(checklistId, marked, status), marked, checklistId);
    }
}
