package jp.tenken.plan;

import com.fasterxml.jackson.annotation.JsonRawValue;
import jp.tenken.api.Summary;

import java.time.OffsetDateTime;

/**
 * A stored version of a plan: its number, when and by whom it was stored ({@code storedBy}, null
 * for a version stored before accounts existed), and the document exactly as stored.
 */
public record PlanVersionResponse(String planId, int version, OffsetDateTime storedAt, String storedBy, String rulesVersion,
                                  Summary summary, @JsonRawValue String document) {

    static PlanVersionResponse of(StoredPlan stored) {
        return new PlanVersionResponse(stored.planId(), stored.version(), stored.storedAt(), stored.storedBy(), stored.rulesVersion(),
                Summary.of(stored.findings()), stored.documentJson());
    }
}
