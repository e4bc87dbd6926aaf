package jp.tenken.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Identifier;
import jp.tenken.document.Lists;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/inspections/drafts/{organization}/{department}/{fiscalYear}}: the
 * checklist the form answers and its items as typed. The department and year are the path's.
 * The list is bounded here before its checklist is known; {@link InspectionDraftService} then
 * bounds it by the checklist's items.
 */
public record DraftRequest(
        @NotBlank @Identifier String checklistId,
        @NotNull @Size(max = 1000, message = "{document.limit.items}") List<@Valid @NotNull DraftAnswer> answers) {

    public DraftRequest {
        answers = Lists.immutableOrNull(answers);
    }
}
