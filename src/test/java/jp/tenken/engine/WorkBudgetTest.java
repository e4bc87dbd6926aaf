package jp.tenken.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request's budget: bound to its thread, ended by time or by its client, and then stopping the work. */
class WorkBudgetTest {

    @Test
    void work_outside_a_request_is_never_stopped() {
        assertSame(WorkBudget.UNLIMITED, WorkBudget.current());
        WorkBudget.UNLIMITED.stop(WorkBudget.Stop.CLIENT_GONE);
        assertDoesNotThrow(WorkBudget.UNLIMITED::checkpoint);
    }

    @Test
    void a_budget_is_the_current_one_of_its_thread_until_closed() {
        try (WorkBudget budget = WorkBudget.open(Duration.ofMinutes(1), false)) {
            assertSame(budget, WorkBudget.current());
            assertDoesNotThrow(budget::checkpoint);
        }
        assertSame(WorkBudget.UNLIMITED, WorkBudget.current());
    }

    @Test
    void a_checkpoint_after_the_time_budget_stops_the_work_without_a_timer() throws Exception {
        try (WorkBudget budget = WorkBudget.open(Duration.ofMillis(1), false)) {
            Thread.sleep(5);
            WorkStoppedException stopped = assertThrows(WorkStoppedException.class, budget::checkpoint);
            assertEquals(WorkBudget.Stop.TIME_BUDGET, stopped.reason());
        }
    }

    @Test
    void with_a_timer_the_end_of_the_budget_runs_what_halts_the_engine_once() throws Exception {
        CountDownLatch halted = new CountDownLatch(1);
        AtomicInteger halts = new AtomicInteger();
        try (WorkBudget budget = WorkBudget.open(Duration.ofMillis(20), true)) {
            budget.whenStopped(() -> {
                halts.incrementAndGet();
                halted.countDown();
            });
            assertTrue(halted.await(5, TimeUnit.SECONDS), "the timer ended the budget");
            budget.stop(WorkBudget.Stop.CLIENT_GONE); // a second reason changes nothing
            assertEquals(WorkBudget.Stop.TIME_BUDGET, assertThrows(WorkStoppedException.class, budget::checkpoint).reason());
        }
        assertEquals(1, halts.get());
    }

    @Test
    void a_client_gone_before_registration_still_halts_at_once() {
        try (WorkBudget budget = WorkBudget.open(Duration.ofMinutes(1), false)) {
            budget.stop(WorkBudget.Stop.CLIENT_GONE);
            AtomicInteger halts = new AtomicInteger();
            budget.whenStopped(halts::incrementAndGet);
            assertEquals(1, halts.get());
            assertEquals(WorkBudget.Stop.CLIENT_GONE, assertThrows(WorkStoppedException.class, budget::checkpoint).reason());
        }
    }
}
