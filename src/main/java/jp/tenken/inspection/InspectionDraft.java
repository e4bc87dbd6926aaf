package jp.tenken.inspection;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A department's self-inspection as left in the form, not submitted: one per organization,
 * department (the registry's name) and fiscal year, shared by the department's officers. It is
 * never checked and counts in no status, list of inspections or compliance list.
 *
 * @param savedBy the user who saved it last
 * @param savedAt when it was saved last (UTC, milliseconds)
 */
public record InspectionDraft(String organization, String department, int fiscalYear, String checklistId,
                              List<DraftAnswer> answers, String savedBy, OffsetDateTime savedAt) {

    /**
     * Evidence and remediation action: the prose limit of plans (README "Limits"), far beyond what
     * an officer types into one box.
     */
    public static final int TEXT = 20_000;
    /** A percentage or a date as typed: a valid one has at most ten characters. */
    public static final int TYPED = 100;

    public InspectionDraft {
        answers = List.copyOf(answers);
    }
}
