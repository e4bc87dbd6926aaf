package jp.tenken.inspection;

import jp.tenken.api.Summary;

import java.time.LocalDate;

/**
 * A current submission in the list of submissions, with the user who submitted it
 * ({@code submittedBy}, null for one stored before accounts existed).
 */
public record InspectionListEntry(String id, String department, int fiscalYear, LocalDate submittedOn,
                                  InspectionStatus status, Summary summary, String submittedBy) {
    static InspectionListEntry of(StoredInspection stored) {
        return new InspectionListEntry(stored.id(), stored.department(), stored.fiscalYear(), stored.submittedOn(),
                stored.status(), Summary.of(stored.findings()), stored.submittedBy());
    }
}
