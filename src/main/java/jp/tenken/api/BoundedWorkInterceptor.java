package jp.tenken.api;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import jakarta.annotation.PreDestroy;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import jakarta.inject.Singleton;
import jp.tenken.engine.WorkBudget;
import jp.tenken.engine.WorkStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the work of a {@link BoundedWork} endpoint (which returns a {@link CompletionStage}).
 *
 * <p>An everyday document (a body up to {@link WorkLimits#heavyBodyBytes()}) is read and evaluated
 * at once on the thread that received it, as every request was before: handing each request to
 * another thread cost more than half of the checks per second (docs/performance.md, *Bounded
 * work*). A large one is handed to a pool of {@link WorkLimits#heavyConcurrency()} threads and waits
 * its turn there, so that a burst of maximal documents takes neither every core nor the heap, and
 * never the event loop that answers /health. A large document that waited longer than
 * {@link WorkLimits#queueWait()}, or whose client has gone meanwhile, is not started.
 *
 * <p>Either way the work runs under a {@link WorkBudget} that ends when the time budget passes or the
 * client closes its connection: the engine halts at once and the request answers 503 with nothing
 * stored.
 */
@Singleton
@InterceptorBean(BoundedWork.class)
final class BoundedWorkInterceptor implements MethodInterceptor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedWorkInterceptor.class);

    private final WorkLimits limits;
    private final ExecutorService heavy;
    private final Map<WorkBudget.Stop, AtomicLong> stops = new EnumMap<>(WorkBudget.Stop.class);

    BoundedWorkInterceptor(WorkLimits limits) {
        this.limits = limits;
        AtomicInteger threads = new AtomicInteger();
        this.heavy = new ThreadPoolExecutor(limits.heavyConcurrency(), limits.heavyConcurrency(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "tenken-large-document-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        for (WorkBudget.Stop reason : WorkBudget.Stop.values()) {
            stops.put(reason, new AtomicLong());
        }
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        Channel channel = request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().channel() : null;
        boolean large = request == null || request.getContentLength() < 0 || request.getContentLength() > limits.heavyBodyBytes();
        if (!large) {
            return run(context, request, channel, false);
        }
        long queued = System.nanoTime();
        CompletableFuture<Object> answer = new CompletableFuture<>();
        heavy.execute(() -> {
            try {
                if (channel != null && !channel.isActive()) {
                    throw counted(new WorkStoppedException(WorkBudget.Stop.CLIENT_GONE), request);
                }
                if (System.nanoTime() - queued > limits.queueWait().toNanos()) {
                    throw counted(new WorkStoppedException(WorkBudget.Stop.BUSY), request);
                }
                CompletionStage<?> result = (CompletionStage<?>) run(context, request, channel, true);
                result.whenComplete((value, failure) -> {
                    if (failure != null) {
                        answer.completeExceptionally(unwrap(failure));
                    } else {
                        answer.complete(value);
                    }
                });
            } catch (RuntimeException | Error e) { // stopped work is counted where it stops
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /** Runs the endpoint under a fresh budget on this thread; see {@link WorkBudget#open}. */
    private Object run(MethodInvocationContext<Object, Object> context, HttpRequest<?> request, Channel channel,
                       boolean haltOnExpiry) {
        try (WorkBudget budget = WorkBudget.open(limits.timeBudget(), haltOnExpiry)) {
            ChannelFutureListener gone = closed -> budget.stop(WorkBudget.Stop.CLIENT_GONE);
            if (channel != null) {
                channel.closeFuture().addListener(gone);
            }
            try {
                return context.proceed();
            } finally {
                if (channel != null) {
                    channel.closeFuture().removeListener(gone);
                }
            }
        } catch (WorkStoppedException e) {
            throw counted(e, request);
        }
    }

    private WorkStoppedException counted(WorkStoppedException e, HttpRequest<?> request) {
        stops.get(e.reason()).incrementAndGet();
        LOG.info("{} {} stopped: {}", request == null ? "" : request.getMethod(), request == null ? "" : request.getPath(), e.reason());
        return e;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** How many requests were stopped for this reason since start (tests and logs read it). */
    long stopped(WorkBudget.Stop reason) {
        return stops.get(reason).get();
    }

    @PreDestroy
    void close() {
        heavy.shutdownNow();
    }
}
