package jp.tenken.audit;

import java.time.OffsetDateTime;

/** A stored audit record, with the completions recorded since. */
public record StoredAudit(String id, OffsetDateTime storedAt, AuditRecord record) {
}
