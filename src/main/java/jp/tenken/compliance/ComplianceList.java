package jp.tenken.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tenken.api.FindingView;
import jp.tenken.inspection.InspectionStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * The compliance list of an organization for a fiscal year, judged as of a date. {@code organizationLevel}
 * holds the shortfalls of the organization-level items apart from the departments' lines (CONTRACT §15):
 * null where the organization names no security office, or for a caller who may not see the office's line
 * (an officer of other departments).
 */
public record ComplianceList(String organization, int fiscalYear, LocalDate asOf, List<UnitCompliance> units,
                             @JsonInclude(JsonInclude.Include.ALWAYS) OrganizationLevel organizationLevel) {

    public ComplianceList(String organization, int fiscalYear, LocalDate asOf, List<UnitCompliance> units) {
        this(organization, fiscalYear, asOf, units, null);
    }

    /**
     * The organization-level items as the security office answered them in its current self-inspection
     * of the year: {@code submitted} false (and no status) before it has; {@code status} judged over the
     * findings on those items alone, which are listed. No department's status depends on them.
     */
    public record OrganizationLevel(String securityOffice, boolean submitted, String inspectionId,
                                    InspectionStatus status, List<FindingView> findings) {
    }
}
