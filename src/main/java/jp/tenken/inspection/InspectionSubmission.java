package jp.tenken.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Identifier;
import jp.tenken.document.Lists;
import jp.tenken.document.RecordYears;

import java.time.LocalDate;
import java.util.List;

/** A department's self-inspection for one fiscal year (CONTRACT §4). */
public record InspectionSubmission(
        @NotBlank @Identifier String checklistId,
        @NotBlank @Size(max = 100) @Identifier String organization,
        @NotBlank @Size(max = 200) String department,
        @NotNull @Min(RecordYears.FIRST) @Max(RecordYears.LAST) Integer fiscalYear,
        @NotNull LocalDate submittedOn,
        // A checklist has some 90 items; a thousand answers is no real submission (each unknown one is a finding).
        @NotNull @Size(max = 1000, message = "{document.limit.items}") List<@Valid @NotNull Answer> answers) {

    public InspectionSubmission {
        answers = Lists.immutableOrNull(answers);
    }

    /** The same submission with other answers. */
    public InspectionSubmission withAnswers(List<Answer> others) {
        return new InspectionSubmission(checklistId, organization, department, fiscalYear, submittedOn, others);
    }
}
