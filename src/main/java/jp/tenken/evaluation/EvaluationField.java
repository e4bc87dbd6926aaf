package jp.tenken.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Lists;

import java.util.List;

/** One field (分野) of an evaluation report and the results reported under it, one text per bullet. */
public record EvaluationField(
        @NotBlank @Size(max = EvaluationLimits.TITLE) String name,
        @NotEmpty @Size(max = EvaluationLimits.RESULTS, message = EvaluationLimits.ITEMS_MESSAGE)
        List<@NotBlank @Size(max = EvaluationLimits.TEXT) String> results) {

    public EvaluationField {
        results = Lists.immutableOrNull(results);
    }
}
