package jp.tenken.plan;

import java.time.OffsetDateTime;

/**
 * A plan id with its latest version, for the list of stored plans: when and by whom that version
 * was stored ({@code storedBy} null for a version stored before accounts existed).
 */
public record PlanSummary(String id, String organization, String title, int latestVersion, OffsetDateTime storedAt,
                          String storedBy) {
}
