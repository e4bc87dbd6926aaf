package jp.tenken.api;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

/**
 * Configured limits that static response builders and messages need: the request-size limit, and
 * how many findings one response lists. Held statically because the contract's response records are
 * built in static factories shared by the service and the command line.
 */
@Context
final class Limits {
    /** Default of {@code tenken.limits.max-findings}: a real plan has tens of findings, a bad one hundreds. */
    static final int DEFAULT_MAX_FINDINGS = 1000;

    private static volatile long maxBodyBytes = 10L * 1024 * 1024;
    private static volatile int maxFindings = DEFAULT_MAX_FINDINGS;

    Limits(@Value("${tenken.max-body-bytes:10485760}") long configured,
           @Value("${tenken.limits.max-findings:1000}") int maxFindings) {
        maxBodyBytes = configured;
        Limits.maxFindings = Math.max(1, maxFindings);
    }

    static long maxBodyBytes() {
        return maxBodyBytes;
    }

    static int maxFindings() {
        return maxFindings;
    }
}
