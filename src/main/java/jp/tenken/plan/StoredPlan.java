package jp.tenken.plan;

import jp.tenken.engine.Finding;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One stored version of a plan.
 *
 * @param storedBy     the name of the user who stored it; null for a version stored before accounts existed
 * @param documentJson the plan as stored, JSON text, returned as it is
 */
public record StoredPlan(String planId, int version, OffsetDateTime storedAt, String storedBy, String rulesVersion,
                         String documentJson, List<Finding> findings) {
}
