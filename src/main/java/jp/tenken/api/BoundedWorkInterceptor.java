package jp.tenken.api;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the work of a {@link BoundedWork} endpoint. A large body first waits for a turn (at most
 * {@link WorkLimits#heavyConcurrency()} at once), so that a burst of maximal documents cannot take
 * every core and the heap; then the work runs under a {@link WorkBudget} that ends when the time
 * budget passes or the client closes its connection. The engine halts at once and the request
 * answers 503 with nothing stored.
 */
@Singleton
@InterceptorBean(BoundedWork.class)
final class BoundedWorkInterceptor implements MethodInterceptor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedWorkInterceptor.class);
    /** How often a waiting request looks whether its client is still there. */
    private static final long WAIT_SLICE_MILLIS = 100;

    private final WorkLimits limits;
    private final Semaphore turns;
    private final Map<WorkBudget.Stop, AtomicLong> stops = new EnumMap<>(WorkBudget.Stop.class);

    BoundedWorkInterceptor(WorkLimits limits) {
        this.limits = limits;
        this.turns = new Semaphore(limits.heavyConcurrency(), true);
        for (WorkBudget.Stop reason : WorkBudget.Stop.values()) {
            stops.put(reason, new AtomicLong());
        }
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        Channel channel = request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().channel() : null;
        try {
            boolean heavy = request == null || request.getContentLength() < 0 || request.getContentLength() > limits.heavyBodyBytes();
            if (heavy) {
                awaitTurn(channel);
            }
            try (WorkBudget budget = WorkBudget.open(limits.timeBudget())) {
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
            } finally {
                if (heavy) {
                    turns.release();
                }
            }
        } catch (WorkStoppedException e) {
            stops.get(e.reason()).incrementAndGet();
            LOG.info("{} {} stopped: {}", request == null ? "" : request.getMethod(),
                    request == null ? "" : request.getPath(), e.reason());
            throw e;
        }
    }

    private void awaitTurn(Channel channel) {
        long deadline = System.nanoTime() + limits.queueWait().toNanos();
        try {
            while (!turns.tryAcquire(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                if (channel != null && !channel.isActive()) {
                    throw new WorkStoppedException(WorkBudget.Stop.CLIENT_GONE);
                }
                if (System.nanoTime() > deadline) {
                    throw new WorkStoppedException(WorkBudget.Stop.BUSY);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkStoppedException(WorkBudget.Stop.BUSY);
        }
    }

    /** How many requests were stopped for this reason since start (tests and logs read it). */
    long stopped(WorkBudget.Stop reason) {
        return stops.get(reason).get();
    }
}
