package jp.tenken.api;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

/**
 * Configured limits that static response builders and messages need: the request, request-line and
 * header sizes, and how many findings one response lists. Held statically because the contract's
 * response records are built in static factories shared by the service and the command line.
 */
@Context
final class Limits {
    /** Default of {@code tenken.limits.max-findings}: a real plan has tens of findings, a bad one hundreds. */
    static final int DEFAULT_MAX_FINDINGS = 1000;

    private static volatile long maxBodyBytes = 10L * 1024 * 1024;
    private static volatile int maxRequestLineBytes = 4096;
    private static volatile int maxHeaderBytes = 8192;
    private static volatile int maxFindings = DEFAULT_MAX_FINDINGS;

    Limits(@Value("${tenken.max-body-bytes:10485760}") long configured,
           @Value("${micronaut.server.netty.max-initial-line-length:4096}") int requestLine,
           @Value("${micronaut.server.netty.max-header-size:8192}") int headers,
           @Value("${tenken.limits.max-findings:1000}") int maxFindings) {
        maxBodyBytes = configured;
        maxRequestLineBytes = requestLine;
        maxHeaderBytes = headers;
        Limits.maxFindings = Math.max(1, maxFindings);
    }

    static long maxBodyBytes() {
        return maxBodyBytes;
    }

    static int maxFindings() {
        return maxFindings;
    }

    /** The longest request line (method, URL with its query, HTTP version) the server reads. */
    static int maxRequestLineBytes() {
        return maxRequestLineBytes;
    }

    /** The most bytes of headers the server reads. */
    static int maxHeaderBytes() {
        return maxHeaderBytes;
    }
}
