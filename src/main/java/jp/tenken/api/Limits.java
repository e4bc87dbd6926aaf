package jp.tenken.api;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

/** The configured request limits, for messages that state them. */
@Context
final class Limits {
    private static volatile long maxBodyBytes = 10L * 1024 * 1024;
    private static volatile int maxRequestLineBytes = 4096;
    private static volatile int maxHeaderBytes = 8192;

    Limits(@Value("${tenken.max-body-bytes:10485760}") long configured,
           @Value("${micronaut.server.netty.max-initial-line-length:4096}") int requestLine,
           @Value("${micronaut.server.netty.max-header-size:8192}") int headers) {
        maxBodyBytes = configured;
        maxRequestLineBytes = requestLine;
        maxHeaderBytes = headers;
    }

    static long maxBodyBytes() {
        return maxBodyBytes;
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
