package jp.tenken.waiver;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A stored waiver (CONTRACT §12): findings of {@code ruleId} whose target (read with its record)
 * has every key of {@code target} with the same value are accepted until {@code expiresOn}, unless
 * revoked. {@code revokedBy} and {@code revokedAt} are null while it is not revoked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Waiver(String id, String organization, String ruleId, Map<String, Object> target, String reason,
                     LocalDate expiresOn, String createdBy, OffsetDateTime createdAt, String revokedBy,
                     OffsetDateTime revokedAt) {

    public Waiver {
        target = target == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(target));
    }

    /** Whether it applies on {@code asOf}: on or before its expiry, and not revoked. */
    @JsonIgnore
    public boolean holdsOn(LocalDate asOf) {
        return revokedAt == null && !asOf.isAfter(expiresOn);
    }

    /** A waiver of nothing yet stored: what the service checked and the store is asked to keep. */
    public record New(String organization, String ruleId, Map<String, Object> target, String reason, LocalDate expiresOn) {
    }
}
