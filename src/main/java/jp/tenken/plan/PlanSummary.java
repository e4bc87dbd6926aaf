package jp.tenken.plan;

import java.time.OffsetDateTime;

/** A plan id with its latest version, for the list of stored plans. */
public record PlanSummary(String id, String organization, String title, int latestVersion, OffsetDateTime storedAt) {
}
