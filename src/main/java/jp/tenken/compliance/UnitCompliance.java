package jp.tenken.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tenken.api.FindingView;
import jp.tenken.inspection.InspectionStatus;

import java.util.List;

/** One department's line of the compliance list (CONTRACT §5). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnitCompliance(String department, InspectionStatus status, SelfInspection selfInspection,
                             Integer lastAuditedFiscalYear, int openAuditActions, List<FindingView> findings) {

    /** The department's current self-inspection for the year, if any. */
    public record SelfInspection(boolean submitted, String id, Long errors, Long warnings) {
    }
}
