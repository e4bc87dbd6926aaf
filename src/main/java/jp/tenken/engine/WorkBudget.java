package jp.tenken.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * How long one request may work, and whether it should stop early because its client has gone.
 * The request's thread carries its budget ({@link #open}); the rule engine and the controllers ask it
 * at their checkpoints, and a running Drools session is halted the moment the budget ends, so an
 * abandoned or runaway evaluation stops instead of burning a core for minutes.
 *
 * <p>Work outside a request (the command line, the bench, tests) runs under {@link #UNLIMITED}.
 */
public final class WorkBudget implements AutoCloseable {

    /** Why work was stopped (or never started). */
    public enum Stop {
        /** It ran past its time budget. */
        TIME_BUDGET,
        /** Its client closed the connection. */
        CLIENT_GONE,
        /** It waited too long for its turn among the large documents. */
        BUSY
    }

    public static final WorkBudget UNLIMITED = new WorkBudget(null, false);

    private static final ThreadLocal<WorkBudget> CURRENT = new ThreadLocal<>();

    /** One daemon thread ends every budget that runs out; it only flips a flag and halts sessions. */
    private static final ScheduledExecutorService TIMER = timer();

    private final ScheduledFuture<?> expiry;
    private final long deadline;
    private final List<Runnable> onStop = new CopyOnWriteArrayList<>();
    private volatile Stop stopped;

    private WorkBudget(Duration timeBudget, boolean haltOnExpiry) {
        this.deadline = timeBudget == null ? Long.MAX_VALUE : System.nanoTime() + timeBudget.toNanos();
        this.expiry = timeBudget == null || !haltOnExpiry ? null
                : TIMER.schedule(() -> stop(Stop.TIME_BUDGET), timeBudget.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Cancelled expiries leave the queue at once: a service answering thousands of requests a
     * second would otherwise keep each one's cancelled expiry for the whole time budget.
     */
    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "tenken-work-budget");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * A budget of {@code timeBudget} from now, bound to this thread until closed. With
     * {@code haltOnExpiry} a timer halts the running engine the moment the budget ends (for large
     * documents, whose evaluation may run long); without it the budget is checked only at the
     * checkpoints, which spares each small request a timer.
     */
    public static WorkBudget open(Duration timeBudget, boolean haltOnExpiry) {
        WorkBudget budget = new WorkBudget(timeBudget, haltOnExpiry);
        CURRENT.set(budget);
        return budget;
    }

    /** The budget of the work this thread does, or {@link #UNLIMITED}. */
    public static WorkBudget current() {
        WorkBudget budget = CURRENT.get();
        return budget == null ? UNLIMITED : budget;
    }

    /** Ends the budget now (idempotent); what was registered with {@link #whenStopped} runs once. */
    public void stop(Stop reason) {
        if (this == UNLIMITED) {
            return;
        }
        synchronized (this) {
            if (stopped != null) {
                return;
            }
            stopped = reason;
        }
        onStop.forEach(Runnable::run);
    }

    /** Runs {@code action} when the budget ends (at once if it already has); the handle unregisters it. */
    public Registration whenStopped(Runnable action) {
        if (this == UNLIMITED) {
            return () -> { };
        }
        onStop.add(action);
        if (stopped != null) {
            action.run();
        }
        return () -> onStop.remove(action);
    }

    /** Throws {@link WorkStoppedException} if the budget has ended; work calls it between steps. */
    public void checkpoint() {
        if (stopped == null && System.nanoTime() > deadline) {
            stop(Stop.TIME_BUDGET);
        }
        Stop reason = stopped;
        if (reason != null) {
            throw new WorkStoppedException(reason);
        }
    }

    /** Undoes a {@link #whenStopped} registration. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    public boolean isStopped() {
        return stopped != null;
    }

    @Override
    public void close() {
        if (expiry != null) {
            expiry.cancel(false);
        }
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }
}
