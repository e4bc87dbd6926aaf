package jp.tenken.inspection.facts;

import java.time.LocalDate;

/** The submission being checked. */
public record SubmissionFact(String department, int fiscalYear, LocalDate submittedOn) {
}
