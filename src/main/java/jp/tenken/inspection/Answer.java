package jp.tenken.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jp.tenken.document.Identifier;

import java.math.BigDecimal;

/** The answer to one checklist item: {@code answer} for YES_NO items, {@code value} (or NA) for PERCENT items. */
public record Answer(@NotBlank @Identifier String itemId, AnswerValue answer,
                     @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 6) BigDecimal value,
                     String evidence, @Valid Remediation remediation) {

    /** The same answer to an item under another id (an item renamed in a later checklist version). */
    public Answer withItemId(String id) {
        return new Answer(id, answer, value, evidence, remediation);
    }

    public boolean hasEvidence() {
        return evidence != null && !evidence.isBlank();
    }
}
