package jp.tenken.reminder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.internet.MimeMessage;
import jp.tenken.TestUsers;
import jp.tenken.account.Account;
import jp.tenken.account.PasswordHasher;
import jp.tenken.account.Role;
import jp.tenken.account.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static jp.tenken.reminder.ReminderRecords.HOIKU;
import static jp.tenken.reminder.ReminderRecords.SHIMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily reminder mail, run day by day on the records of {@link ReminderRecords} and delivered
 * to a real SMTP server in the test JVM (GreenMail): who gets which mail, what it says and in which
 * encoding, each stage once, and a server that is down or refuses: a warning naming the department,
 * the recipient and the failure, nothing recorded, sent at the next run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReminderMailTest {

    static final String FROM = "tenken@city.hiratsuka.example.jp";

    private GreenMail smtp;
    private int port;
    private EmbeddedServer server;
    private ReminderMailJob job;

    @BeforeAll
    void start() throws Exception {
        smtp = MailServers.greenMail();
        port = smtp.getSmtp().getPort();
        server = ApplicationContext.run(EmbeddedServer.class, mailProperties(port,
                "jdbc:h2:mem:reminder-mail-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        ApplicationContext context = server.getApplicationContext();
        HttpClient client = context.createBean(HttpClient.class, server.getURL());
        String shimin = officer(context, "shimin-officer", "市民 花子", "shimin@example.jp", true, SHIMIN);
        officer(context, "shimin-no-mail", "市民 次郎", null, true, SHIMIN);
        officer(context, "shimin-disabled", "市民 三郎", "disabled@example.jp", false, SHIMIN);
        String hoiku = officer(context, "hoiku-officer", "保育 太郎", "hoiku@example.jp", true, HOIKU);
        ReminderRecords.send(client, new ObjectMapper().findAndRegisterModules(), shimin, hoiku, TestUsers.auditor(context));
        job = context.getBean(ReminderMailJob.class);
    }

    /** The service's properties with mail on, to this SMTP port, never run by the clock. */
    static Map<String, Object> mailProperties(int smtpPort, String databaseUrl) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.url", databaseUrl);
        properties.put("tenken.mail.enabled", true);
        properties.put("tenken.mail.scheduled", false);
        properties.put("tenken.mail.smtp.host", "127.0.0.1");
        properties.put("tenken.mail.smtp.port", smtpPort);
        properties.put("tenken.mail.smtp.timeout", "5s");
        properties.put("tenken.mail.from", FROM);
        return properties;
    }

    static String officer(ApplicationContext context, String username, String displayName, String email, boolean enabled,
                          String department) {
        String hash = context.getBean(PasswordHasher.class).hash(TestUsers.PASSWORD);
        context.getBean(UserStore.class).create(new Account(username, displayName, email, Set.of(Role.SECURITY_OFFICER),
                TestUsers.ORGANIZATION, Set.of(department), enabled), hash);
        return username;
    }

    @AfterAll
    void stop() {
        server.close();
        smtp.stop();
    }

    @Test
    @Order(1)
    void eachDepartmentsOfficersWithAnAddressGetOneJapaneseMail() throws Exception {
        assertEquals(new ReminderMailJob.Outcome(2, 3, 0, 0), job.run(LocalDate.of(2025, 12, 3)));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length);
        MimeMessage shimin = byRecipient(received, "shimin@example.jp");
        assertEquals("【点検】市民課 期限のお知らせ: 期限超過1件・7日以内1件(令和7年12月3日 (2025-12-03))", shimin.getSubject());
        assertEquals("\"市民 花子\" <shimin@example.jp>", MailServers.to(shimin));
        assertEquals(FROM, shimin.getFrom()[0].toString());
        assertTrue(shimin.getHeader("Subject")[0].startsWith("=?UTF-8?"), shimin.getHeader("Subject")[0]);
        assertTrue(MailServers.textContentType(shimin).toLowerCase().contains("charset=utf-8"), MailServers.textContentType(shimin));
        assertEquals(List.of(
                "市民 花子 様",
                "",
                "市民課の改善策・是正措置のうち、期限が近いもの・期限を過ぎたものをお知らせします。",
                "(令和7年12月3日 (2025-12-03) 現在)",
                "",
                "■期限を過ぎたもの(1件)",
                "・令和7年11月30日 (2025-11-30) 期限(3日超過) 改善策 ORG-01: 担当者を課内に周知する",
                "",
                "■期限まで7日以内のもの(1件)",
                "・令和7年12月10日 (2025-12-10) 期限(あと7日) 是正措置 監査指摘F1: 窓口後方の申請書を施錠保管する",
                "",
                "対応を終えた是正措置は監査担当に完了日の記録を、改善策は自己点検の再提出をお願いします。",
                "このメールは点検システム(Tenken)が自動で送信しています。同じ項目は段階ごとに一度だけお知らせします。",
                ""), MailServers.lines(shimin));
        MimeMessage hoiku = byRecipient(received, "hoiku@example.jp");
        assertEquals("【点検】保育課 期限のお知らせ: 期限超過1件(令和7年12月3日 (2025-12-03))", hoiku.getSubject());
        assertTrue(MailServers.lines(hoiku).contains("・令和7年12月1日 (2025-12-01) 期限(2日超過) 改善策 PHY-02: 鍵の貸出簿を作る"),
                MailServers.text(hoiku));
        assertEquals(3, sentRows());
    }

    @Test
    @Order(2)
    void theSameDayAgainSendsNothing() {
        assertEquals(new ReminderMailJob.Outcome(0, 0, 0, 0), job.run(LocalDate.of(2025, 12, 3)));
        assertEquals(2, smtp.getReceivedMessages().length);
    }

    @Test
    @Order(3)
    void theNextStageOfAnItemIsMailedOnItsOwn() throws Exception {
        assertEquals(new ReminderMailJob.Outcome(1, 1, 0, 0), job.run(LocalDate.of(2025, 12, 9)));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(3, received.length);
        MimeMessage dueTomorrow = received[2];
        assertEquals("shimin@example.jp", dueTomorrow.getAllRecipients()[0].toString().replaceAll(".*<|>", ""));
        assertEquals("【点検】市民課 期限のお知らせ: 1日以内1件(令和7年12月9日 (2025-12-09))", dueTomorrow.getSubject());
        List<String> lines = MailServers.lines(dueTomorrow);
        assertTrue(lines.contains("■期限まで1日以内のもの(1件)"), String.join("\n", lines));
        assertTrue(lines.contains("・令和7年12月10日 (2025-12-10) 期限(あと1日) 是正措置 監査指摘F1: 窓口後方の申請書を施錠保管する"));
        assertTrue(lines.stream().noneMatch(l -> l.contains("ORG-01")), "ORG-01's overdue stage was mailed already");
    }

    @Test
    @Order(4)
    void aServerThatIsDownOrRefusesGetsItTriedAgainAndNothingIsRecordedUntilItIsTaken() throws Exception {
        LocalDate overdue = LocalDate.of(2025, 12, 11);
        int recorded = sentRows();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger jobLogger = (Logger) LoggerFactory.getLogger(ReminderMailJob.class);
        log.start();
        jobLogger.addAppender(log);
        try {
            smtp.stop();
            assertEquals(new ReminderMailJob.Outcome(0, 0, 1, 0), job.run(overdue), "down");
            assertEquals(recorded, sentRows());
            String down = oneWarning(log);
            assertTrue(down.contains("市民課") && down.contains("shimin@example.jp") && down.contains("ConnectException"), down);
            try (MailServers.Refusing refusing = new MailServers.Refusing(port)) {
                assertEquals(new ReminderMailJob.Outcome(0, 0, 1, 0), job.run(overdue), "refusing");
            }
            assertEquals(recorded, sentRows());
            String refused = oneWarning(log);
            assertTrue(refused.contains("市民課") && refused.contains("shimin@example.jp") && refused.contains("554"), refused);
            smtp = MailServers.greenMail(port);
            assertEquals(new ReminderMailJob.Outcome(1, 1, 0, 0), job.run(overdue), "up again");
            assertEquals(List.of(), warnings(log), "up again");
        } finally {
            jobLogger.detachAppender(log);
            log.stop();
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertTrue(MailServers.lines(received[0]).contains(
                "・令和7年12月10日 (2025-12-10) 期限(1日超過) 是正措置 監査指摘F1: 窓口後方の申請書を施錠保管する"), MailServers.text(received[0]));
        assertEquals(recorded + 1, sentRows());
        assertEquals(new ReminderMailJob.Outcome(0, 0, 0, 0), job.run(overdue), "and once only");
    }

    /** The one warning logged since the last look (the operator's only sign of a failed mail), then forgotten. */
    private static String oneWarning(ListAppender<ILoggingEvent> log) {
        List<String> warnings = warnings(log);
        assertEquals(1, warnings.size(), String.join("\n", warnings));
        return warnings.get(0);
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> log) {
        List<String> warnings = log.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        log.list.clear();
        return warnings;
    }

    private static MimeMessage byRecipient(MimeMessage[] messages, String address) throws Exception {
        for (MimeMessage message : messages) {
            if (MailServers.to(message).contains(address)) {
                return message;
            }
        }
        throw new AssertionError("no mail to " + address + " among " + Arrays.toString(messages));
    }

    private int sentRows() throws Exception {
        try (Connection connection = server.getApplicationContext().getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM reminder_sent")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
