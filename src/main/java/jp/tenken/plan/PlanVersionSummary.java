package jp.tenken.plan;

import jp.tenken.api.Summary;

import java.time.OffsetDateTime;

/**
 * One version in the list of a plan's versions (GET /api/v1/plans/{id}/versions): its number, when
 * and by whom it was stored ({@code storedBy} null for a version stored before accounts existed),
 * its title, the rules that checked it and how many findings of each severity they found.
 */
public record PlanVersionSummary(int version, OffsetDateTime storedAt, String storedBy, String title, String rulesVersion, Summary summary) {
}
