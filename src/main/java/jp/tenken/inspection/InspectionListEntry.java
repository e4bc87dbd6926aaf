package jp.tenken.inspection;

import jp.tenken.api.Summary;

import java.time.LocalDate;

/** A current submission in the list of submissions. */
public record InspectionListEntry(String id, String department, int fiscalYear, LocalDate submittedOn,
                                  InspectionStatus status, Summary summary) {
    static InspectionListEntry of(StoredInspection stored) {
        return new InspectionListEntry(stored.id(), stored.department(), stored.fiscalYear(), stored.submittedOn(),
                stored.status(), Summary.of(stored.findings()));
    }
}
