package jp.tenken.reminder;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs {@link ReminderMailJob} every day at {@code tenken.mail.daily-at} in {@code tenken.mail.zone}
 * (07:30 in Asia/Tokyo), as of that day, from the start of the service; unless
 * {@code tenken.mail.scheduled} is false. Each run schedules the next, so a run that takes long
 * never overlaps the following one in this instance (other instances are kept apart by the
 * database, see {@link SentReminders}).
 */
@Context
@Requires(property = "tenken.mail.enabled", value = "true")
@Requires(property = "tenken.mail.scheduled", notEquals = "false")
@Requires(notEnv = Environment.CLI)
class DailyMailSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DailyMailSchedule.class);

    private final ReminderMailJob job;
    private final MailSettings settings;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private volatile ScheduledFuture<?> next;
    private volatile ZonedDateTime nextRunAt;
    private volatile boolean stopped;

    DailyMailSchedule(ReminderMailJob job, MailSettings settings, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                      Clock clock) {
        this.job = job;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        scheduleNext();
    }

    /** The next time of day {@code at} after {@code now}, in now's zone: today's when still ahead, else tomorrow's. */
    static ZonedDateTime nextRun(ZonedDateTime now, LocalTime at) {
        ZonedDateTime today = now.toLocalDate().atTime(at).atZone(now.getZone());
        return today.isAfter(now) ? today : now.toLocalDate().plusDays(1).atTime(at).atZone(now.getZone());
    }

    private void scheduleNext() {
        if (stopped) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(settings.zone()));
        ZonedDateTime at = nextRun(now, settings.dailyAt());
        LOG.info("Reminder mail: next run at {}", at);
        nextRunAt = at;
        next = scheduler.schedule(Duration.between(now, at), this::runThenScheduleNext);
    }

    /** When the run now scheduled starts, in {@code tenken.mail.zone}: what the log says, for the tests to read. */
    ZonedDateTime nextRunAt() {
        return nextRunAt;
    }

    private void runThenScheduleNext() {
        try {
            job.run(LocalDate.now(clock.withZone(settings.zone())));
        } catch (RuntimeException e) {
            LOG.error("Reminder mail run failed; the next is scheduled as usual", e);
        } finally {
            scheduleNext();
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledFuture<?> scheduled = next;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
