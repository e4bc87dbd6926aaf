package jp.tenken.audit;

import java.time.OffsetDateTime;

/**
 * A stored audit record, with the completions recorded since. {@code recordedBy}: the name of the
 * user who recorded it; null for an audit stored before accounts existed.
 */
public record StoredAudit(String id, OffsetDateTime storedAt, String recordedBy, AuditRecord record) {
}
