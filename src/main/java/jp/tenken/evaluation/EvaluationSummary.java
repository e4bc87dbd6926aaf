package jp.tenken.evaluation;

import jp.tenken.api.Summary;

import java.time.OffsetDateTime;

/** A stored evaluation with its latest version, as listed (no document, findings or traces read). */
public record EvaluationSummary(String evaluationId, String organization, String title, int fiscalYear, String planId,
                                int planVersion, int latestVersion, OffsetDateTime storedAt, String storedBy, Summary summary) {
}
