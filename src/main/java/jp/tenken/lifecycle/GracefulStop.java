package jp.tenken.lifecycle;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import jp.tenken.api.ErrorResponse;
import jp.tenken.api.Requests;
import jp.tenken.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stop (SIGTERM, or the context closed) that loses no acknowledged write and answers every
 * request it does not finish (issue 21, CONTRACT §14).
 *
 * <p>Micronaut publishes {@link ShutdownEvent} before it destroys any bean, so while this listener
 * waits the database pool, the stores and the server's connections are all still there. It first
 * refuses the requests that arrive from then on with a 503 in the error shape, then waits (at most
 * {@code tenken.stop.drain-timeout}) for those already past this filter to be answered; only then
 * is the pool closed. A request cut off by the pool closing could only fail half-way with a 500,
 * which is what Micronaut's own graceful shutdown gave here: it stops its executors first, so the
 * writes still reading their body were refused with a 500 (47 of 50 in a trial).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class GracefulStop implements ApplicationEventListener<ShutdownEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    /** Marks a request this filter counted, so its answer is uncounted exactly once. */
    private static final String COUNTED = GracefulStop.class.getName() + ".counted";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Duration drainTimeout;
    private volatile boolean stopping;

    GracefulStop(@Value("${tenken.stop.drain-timeout:10s}") Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    /** First of all filters, so that every request that reaches a controller is counted. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> admit(HttpRequest<?> request) {
        if (stopping) {
            return refused(request);
        }
        inFlight.incrementAndGet();
        request.setAttribute(COUNTED, Boolean.TRUE);
        // The stop may have begun between the check and the count: a request it no longer waits for
        // must not run.
        if (stopping) {
            answered(request);
            return refused(request);
        }
        return null;
    }

    @ResponseFilter
    void answered(HttpRequest<?> request, MutableHttpResponse<?> response) {
        answered(request);
    }

    private void answered(HttpRequest<?> request) {
        if (request.removeAttribute(COUNTED, Boolean.class).isPresent()) {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        int waitingFor = inFlight.get();
        if (waitingFor > 0) {
            LOG.info("Stopping: waiting for {} requests being answered (at most {} s)", waitingFor, drainTimeout.toSeconds());
        }
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warn("Stopping with {} requests still unanswered after {} s", inFlight.get(), drainTimeout.toSeconds());
        } else if (waitingFor > 0) {
            LOG.info("Stopping: every request was answered");
        }
    }

    private static HttpResponse<ErrorResponse> refused(HttpRequest<?> request) {
        return HttpResponse.<ErrorResponse>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .header(HttpHeaders.CONNECTION, "close")
                .body(ErrorResponse.of("stopping", Texts.get(Requests.language(request), "service.stopping")));
    }
}
