package jp.tenken.account;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jp.tenken.source.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at start the key that signs login cookies and CSRF tokens ({@code TENKEN_SESSION_SECRET},
 * property {@code tenken.session-secret}): HMAC-SHA256 needs 32 bytes, and a shorter key would
 * otherwise fail only at the first login, as a 500. Unset, application.yml gives a random key per
 * start: logins then end with a restart and another instance does not accept this one's cookies,
 * which the log says.
 */
@Context
@Requires(notEnv = Environment.CLI)
class SessionSecret {

    static final int MIN_BYTES = 32;

    private static final Logger LOG = LoggerFactory.getLogger(SessionSecret.class);

    SessionSecret(@Value("${tenken.session-secret}") String secret) {
        int bytes = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            throw new SourceException("TENKEN_SESSION_SECRET (tenken.session-secret) は" + MIN_BYTES
                    + "バイト以上にしてください(今は" + bytes + "バイト)");
        }
        if (System.getenv("TENKEN_SESSION_SECRET") == null && System.getProperty("tenken.session-secret") == null) {
            LOG.info("TENKEN_SESSION_SECRET is not set: login cookies are signed with a key made for this start;"
                    + " they end with a restart and other instances do not accept them");
        }
    }
}
