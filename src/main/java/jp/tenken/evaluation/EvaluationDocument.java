package jp.tenken.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Identifier;
import jp.tenken.document.Lists;

import java.util.List;

/**
 * A yearly evaluation report (評価シート, CONTRACT §10) as uploaded: results by field, each to be
 * traced to an initiative of the plan {@code planId}. {@code title} and {@code source} are Tenken's
 * additions (docs/evaluation-format.md).
 */
public record EvaluationDocument(
        // The id is a segment of the evaluation's URLs: no character that would end it.
        @NotBlank @Identifier @Pattern(regexp = "[^/?#%\\\\]*", message = "{evaluation.id.url}") String id,
        @Size(max = EvaluationLimits.TITLE) String title,
        @NotBlank @Identifier String organization,
        @NotNull @Min(EvaluationLimits.FIRST_YEAR) @Max(EvaluationLimits.LAST_YEAR) Integer fiscalYear,
        @NotBlank @Identifier String planId,
        @Size(max = EvaluationLimits.TEXT) String source,
        @NotEmpty @Size(max = EvaluationLimits.FIELDS, message = EvaluationLimits.ITEMS_MESSAGE)
        List<@Valid @NotNull EvaluationField> fields) {

    public EvaluationDocument {
        fields = Lists.immutableOrNull(fields);
    }

    /** How many results the report gives over all its fields. */
    public int resultCount() {
        return fields.stream().mapToInt(f -> f.results().size()).sum();
    }
}
