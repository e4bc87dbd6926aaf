package jp.tenken.plan;

import jp.tenken.engine.Finding;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One stored version of a plan.
 *
 * @param documentJson the plan as stored, JSON text, returned as it is
 */
public record StoredPlan(String planId, int version, OffsetDateTime storedAt, String rulesVersion,
                         String documentJson, List<Finding> findings) {
}
