package jp.tenken.waiver;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/waivers} (CONTRACT §12). Every field is checked by
 * {@link WaiverService} so that each fault is a 400 naming its field; {@code expiresOn} is read as
 * text for the same reason.
 */
public record WaiverRequest(String organization, String ruleId, Map<String, Object> target, String reason,
                            String expiresOn) {
}
