package jp.tenken.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Identifier;

/**
 * One item of a draft, as the officer typed it: nothing is parsed or checked against the item, so
 * what is read back is exactly what was saved ({@code value} "9x" stays "9x", an empty text stays
 * empty, a field left out stays null). Only the item id and the lengths are bounded.
 *
 * @param answer         {@code YES}, {@code PARTIAL}, {@code NO}, {@code NA}, empty or null
 * @param value          the percentage as typed (PERCENT items), any text
 * @param remediationDue the due date as typed, any text
 */
public record DraftAnswer(@NotBlank @Identifier String itemId,
                          String answer,
                          @Size(max = InspectionDraft.TYPED) String value,
                          @Size(max = InspectionDraft.TEXT) String evidence,
                          @Size(max = InspectionDraft.TEXT) String remediationAction,
                          @Size(max = InspectionDraft.TYPED) String remediationDue) {
}
