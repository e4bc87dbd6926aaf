package jp.tenken.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.tenken.reminder.ReminderRecords.HOIKU;
import static jp.tenken.reminder.ReminderRecords.SHIMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The officer's and the auditor's home pages show what is overdue and what falls due within 30
 * days, in Japanese with 令和 dates, on 3 December 2025 in Japan: the officer its own department's,
 * the auditor the whole organization's.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderHomePagesTest {

    /** 2025-12-03 09:00 in Japan. */
    private static final Instant NOW = Instant.parse("2025-12-03T00:00:00Z");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    private String auditor;
    private String shiminOfficer;

    @MockBean(Clock.class)
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @BeforeAll
    void records() throws Exception {
        auditor = TestUsers.auditor(context);
        shiminOfficer = TestUsers.officer(context, "home-shimin", SHIMIN);
        String hoikuOfficer = TestUsers.officer(context, "home-hoiku", HOIKU);
        ReminderRecords.send(client, new ObjectMapper(), shiminOfficer, hoikuOfficer, auditor);
    }

    @Test
    void theOfficerSeesItsDepartmentsOverdueAndDueItems() {
        String page = home(shiminOfficer);
        assertEquals(List.of("REMEDIATION true 市民課", "CORRECTIVE_ACTION false 市民課"), rows(page));
        assertTrue(page.contains("令和7年11月30日 (2025-11-30)"), page);
        assertTrue(page.contains("3日超過"));
        assertTrue(page.contains("あと7日"));
        assertTrue(page.contains("担当者を課内に周知する"));
        assertTrue(page.contains("窓口後方の申請書を施錠保管する"));
        assertFalse(page.contains("鍵の貸出簿を作る"), "保育課's remediation is not the officer's");
        assertTrue(page.contains("/api/v1/reminders.ics?organization=hiratsuka"), "the calendar link");
    }

    @Test
    void theAuditorSeesTheWholeOrganization() {
        String page = home(auditor);
        assertEquals(List.of("REMEDIATION true 市民課", "REMEDIATION true 保育課", "CORRECTIVE_ACTION false 市民課"), rows(page));
        assertTrue(page.contains("期限を過ぎたもの"), page);
        assertTrue(page.contains("鍵の貸出簿を作る"));
        assertTrue(page.contains("2日超過"));
    }

    private String home(String user) {
        Http.Answer answer = Http.sendAs(client, user, HttpRequest.GET("/"));
        assertEquals(200, answer.status(), answer.body());
        return answer.body();
    }

    /** Each reminder row's kind, overdue flag and department, in page order. */
    private static List<String> rows(String page) {
        Matcher m = Pattern.compile("data-reminder=\"([A-Z_]+)\" data-overdue=\"(true|false)\" data-reminder-department=\"([^\"]+)\"")
                .matcher(page);
        List<String> rows = new java.util.ArrayList<>();
        while (m.find()) {
            rows.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        return rows;
    }
}
