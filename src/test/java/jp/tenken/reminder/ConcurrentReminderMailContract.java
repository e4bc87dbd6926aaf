package jp.tenken.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.internet.MimeMessage;
import jp.tenken.TestUsers;
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static jp.tenken.reminder.ReminderRecords.HOIKU;
import static jp.tenken.reminder.ReminderRecords.SHIMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the service (two application contexts) on one database run the reminder mail
 * of the same day at the same moment: each stage of each item reaches each officer once, whichever
 * instance sent it; so does a second pair of runs (a restart).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentReminderMailContract {

    private TestDatabase database;
    private GreenMail smtp;
    private MailServers.Slow slowSmtp;
    private EmbeddedServer first;
    private ApplicationContext second;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = openDatabase();
        smtp = MailServers.greenMail();
        // Each mail takes a second and a half to be taken, so the two runs are sure to meet over
        // the same claims rather than one finishing before the other begins.
        slowSmtp = new MailServers.Slow(smtp.getSmtp().getPort(), java.time.Duration.ofMillis(1500));
        Map<String, Object> properties = new HashMap<>(ReminderMailTest.mailProperties(slowSmtp.port(), "unused"));
        properties.putAll(database.micronautProperties());
        first = ApplicationContext.run(EmbeddedServer.class, properties);
        second = ApplicationContext.run(properties);
        ApplicationContext context = first.getApplicationContext();
        HttpClient client = context.createBean(HttpClient.class, first.getURL());
        String shimin = ReminderMailTest.officer(context, "shimin-a", "市民 一郎", "shimin-a@example.jp", true, SHIMIN);
        ReminderMailTest.officer(context, "shimin-b", "市民 二郎", "shimin-b@example.jp", true, SHIMIN);
        String hoiku = ReminderMailTest.officer(context, "hoiku-a", "保育 一郎", "hoiku-a@example.jp", true, HOIKU);
        ReminderRecords.send(client, new ObjectMapper(), shimin, hoiku, TestUsers.auditor(context));
    }

    @AfterAll
    void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (slowSmtp != null) {
            slowSmtp.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twoInstancesRunningAtOnceSendEachStageOnce() throws Exception {
        LocalDate asOf = LocalDate.of(2025, 12, 3);
        // 市民課: ORG-01 overdue and F1 due in 7 days, to two officers; 保育課: PHY-02 overdue, to one.
        List<ReminderMailJob.Outcome> outcomes = atOnce(asOf);
        assertEquals(3, outcomes.stream().mapToInt(ReminderMailJob.Outcome::mailsSent).sum(), outcomes.toString());
        assertEquals(5, outcomes.stream().mapToInt(ReminderMailJob.Outcome::stagesSent).sum(), outcomes.toString());
        assertEquals(0, outcomes.stream().mapToInt(ReminderMailJob.Outcome::failures).sum(), outcomes.toString());
        assertTrue(outcomes.stream().mapToInt(ReminderMailJob.Outcome::claimedElsewhere).sum() > 0,
                "the runs met over a claim: " + outcomes);
        assertEquals(List.of("hoiku-a@example.jp", "shimin-a@example.jp", "shimin-b@example.jp"), recipients());
        assertEquals(5, sentRows());

        List<ReminderMailJob.Outcome> again = atOnce(asOf);
        assertEquals(0, again.stream().mapToInt(ReminderMailJob.Outcome::mailsSent).sum(), again.toString());
        assertEquals(3, smtp.getReceivedMessages().length);
        assertEquals(5, sentRows());
    }

    /** Both instances' jobs, started together. */
    private List<ReminderMailJob.Outcome> atOnce(LocalDate asOf) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<ReminderMailJob.Outcome>> runs = new ArrayList<>();
            for (ApplicationContext context : List.of(first.getApplicationContext(), second)) {
                ReminderMailJob job = context.getBean(ReminderMailJob.class);
                Callable<ReminderMailJob.Outcome> run = () -> {
                    go.await();
                    return job.run(asOf);
                };
                runs.add(threads.submit(run));
            }
            go.countDown();
            List<ReminderMailJob.Outcome> outcomes = new ArrayList<>();
            for (Future<ReminderMailJob.Outcome> run : runs) {
                outcomes.add(run.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private List<String> recipients() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            recipients.add(message.getAllRecipients()[0].toString().replaceAll(".*<|>", ""));
        }
        return recipients.stream().sorted().toList();
    }

    private int sentRows() throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM reminder_sent")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
