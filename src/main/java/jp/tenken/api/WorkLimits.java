package jp.tenken.api;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The bounds on one request's work (README, "Limits"), from {@code tenken.limits.*}. A document is
 * "large" when its body exceeds {@code heavy-body-bytes} (64 KB): the city's action plan is 31 KB as
 * JSON, a self-inspection under 20 KB, so everyday documents never queue, while a plan of a few
 * hundred initiatives over a long period, which can give tens of thousands of findings, waits its turn.
 */
@Singleton
public final class WorkLimits {

    private final Duration timeBudget;
    private final long heavyBodyBytes;
    private final int heavyConcurrency;
    private final Duration queueWait;

    WorkLimits(@Value("${tenken.limits.time-budget:20s}") Duration timeBudget,
               @Value("${tenken.limits.heavy-body-bytes:65536}") long heavyBodyBytes,
               @Value("${tenken.limits.heavy-concurrency:0}") int heavyConcurrency,
               @Value("${tenken.limits.queue-wait:30s}") Duration queueWait) {
        this.timeBudget = timeBudget;
        this.heavyBodyBytes = heavyBodyBytes;
        // One core is left to /health and small requests; on one core, large documents take turns.
        this.heavyConcurrency = heavyConcurrency > 0 ? heavyConcurrency
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.queueWait = queueWait;
    }

    /** How long the evaluation of one document may run once it has its turn. */
    public Duration timeBudget() {
        return timeBudget;
    }

    /** Bodies above this size wait for one of {@link #heavyConcurrency()} turns. */
    public long heavyBodyBytes() {
        return heavyBodyBytes;
    }

    /** How many large documents are read and evaluated at once. */
    public int heavyConcurrency() {
        return heavyConcurrency;
    }

    /** How long a large document waits for its turn before it is refused with 503. */
    public Duration queueWait() {
        return queueWait;
    }
}
