package jp.tenken.api;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

/** The configured request-size limit, for messages that state it. */
@Context
final class Limits {
    private static volatile long maxBodyBytes = 10L * 1024 * 1024;

    Limits(@Value("${tenken.max-body-bytes:10485760}") long configured) {
        maxBodyBytes = configured;
    }

    static long maxBodyBytes() {
        return maxBodyBytes;
    }
}
