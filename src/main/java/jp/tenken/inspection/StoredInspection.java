package jp.tenken.inspection;

import jp.tenken.engine.Finding;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored self-inspection. {@code current}: it is the latest submission of its department for
 * its fiscal year; an earlier one is kept but superseded. {@code submittedBy}: the name of the user
 * who submitted it; null for a submission stored before accounts existed.
 */
public record StoredInspection(String id, String organization, String department, int fiscalYear,
                               String checklistId, String checklistVersion, LocalDate submittedOn,
                               OffsetDateTime storedAt, String submittedBy, InspectionStatus status, String rulesVersion,
                               InspectionSubmission submission, List<Finding> findings, boolean current) {
}
