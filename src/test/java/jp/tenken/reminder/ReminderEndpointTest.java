package jp.tenken.reminder;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jp.tenken.reminder.ReminderRecords.HOIKU;
import static jp.tenken.reminder.ReminderRecords.SHIMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/reminders} and its iCalendar feed over HTTP, as the auditor and the officers. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private String auditor;
    private String shiminOfficer;
    private Map<String, String> ids;

    @BeforeAll
    void records() throws Exception {
        auditor = TestUsers.auditor(context);
        shiminOfficer = TestUsers.officer(context, "reminder-shimin", SHIMIN);
        String hoikuOfficer = TestUsers.officer(context, "reminder-hoiku", HOIKU);
        ids = ReminderRecords.send(client, json, shiminOfficer, hoikuOfficer, auditor);
    }

    @Test
    void theAuditorGetsWhatIsOverdueOrDueWithin30DaysInDueDateOrder() throws Exception {
        Http.Answer answer = get(auditor, "/api/v1/reminders?organization=hiratsuka&asOf=2025-12-01");
        assertEquals(200, answer.status(), answer.body());
        JsonNode list = json.readTree(answer.body());
        assertEquals(3, list.size(), answer.body());
        assertEquals(json.readTree("""
                {"kind": "REMEDIATION", "department": "市民課", "action": "担当者を課内に周知する", "dueDate": "2025-11-30",
                 "daysLeft": -1, "overdue": true, "source": {"inspectionId": "%s", "itemId": "ORG-01"}}
                """.formatted(ids.get("shimin"))), list.get(0));
        assertEquals(json.readTree("""
                {"kind": "REMEDIATION", "department": "保育課", "action": "鍵の貸出簿を作る", "dueDate": "2025-12-01",
                 "daysLeft": 0, "overdue": false, "source": {"inspectionId": "%s", "itemId": "PHY-02"}}
                """.formatted(ids.get("hoiku"))), list.get(1));
        assertEquals(json.readTree("""
                {"kind": "CORRECTIVE_ACTION", "department": "市民課", "action": "窓口後方の申請書を施錠保管する",
                 "dueDate": "2025-12-10", "daysLeft": 9, "overdue": false, "source": {"auditId": "%s", "findingId": "F1"}}
                """.formatted(ids.get("audit"))), list.get(2));
    }

    @Test
    void aWiderWindowAddsTheLaterItemsAndAnEarlierAsOfReopensAnActionCompletedSince() throws Exception {
        assertEquals(List.of("ORG-01", "PHY-02", "F1", "PHY-02", "F3"),
                sources(get(auditor, "/api/v1/reminders?organization=hiratsuka&asOf=2025-12-01&withinDays=365")));
        // F2 was completed on 2025-12-01: on 2025-11-25 it was open and due in 10 days.
        assertEquals(List.of("ORG-01", "PHY-02", "F2", "F1"),
                sources(get(auditor, "/api/v1/reminders?organization=hiratsuka&asOf=2025-11-25&withinDays=15")));
        assertEquals(List.of("ORG-01"),
                sources(get(auditor, "/api/v1/reminders?organization=hiratsuka&asOf=2025-12-01&withinDays=0&department=" + SHIMIN)));
    }

    @Test
    void mailIsOffUnlessConfigured() {
        assertTrue(context.findBean(ReminderMailJob.class).isEmpty());
        assertTrue(context.findBean(DailyMailSchedule.class).isEmpty());
    }

    @Test
    void theSameRequestGivesTheSameAnswer() {
        String uri = "/api/v1/reminders?organization=hiratsuka&asOf=2025-12-01&withinDays=400";
        assertEquals(get(auditor, uri).body(), get(auditor, uri).body());
    }

    @Test
    void anOfficerSeesOnlyItsOwnDepartmentsAndIsRefusedAnother() throws Exception {
        Http.Answer own = get(shiminOfficer, "/api/v1/reminders?organization=hiratsuka&asOf=2025-12-01&withinDays=365");
        assertEquals(200, own.status(), own.body());
        for (JsonNode item : json.readTree(own.body())) {
            assertEquals(SHIMIN, item.get("department").asText());
        }
        assertEquals(4, json.readTree(own.body()).size());
        Http.Answer other = get(shiminOfficer, "/api/v1/reminders?organization=hiratsuka&department=" + HOIKU);
        assertEquals(403, other.status(), other.body());
        assertTrue(other.body().contains("REMINDERS_READ"), other.body());
    }

    @Test
    void badParametersAreRefusedNamingThem() throws Exception {
        assertBad("/api/v1/reminders?organization=hiratsuka&withinDays=abc", 400, "withinDays");
        assertBad("/api/v1/reminders?organization=hiratsuka&withinDays=-1", 400, "withinDays");
        assertBad("/api/v1/reminders?organization=hiratsuka&withinDays=３０", 400, "withinDays");
        assertBad("/api/v1/reminders?organization=hiratsuka&withinDays=3651", 400, "withinDays");
        assertBad("/api/v1/reminders?organization=hiratsuka&asOf=2025-13-01", 400, "asOf");
        assertBad("/api/v1/reminders", 400, "organization");
        assertBad("/api/v1/reminders?organization=hiratsuka&department=存在しない課", 422, "department");
        assertBad("/api/v1/reminders.ics?organization=hiratsuka&withinDays=x", 400, "withinDays");
    }

    private void assertBad(String uri, int status, String field) throws Exception {
        Http.Answer answer = get(auditor, uri);
        assertEquals(status, answer.status(), uri + " " + answer.body());
        JsonNode violations = json.readTree(answer.body()).get("violations");
        assertNotNull(violations, answer.body());
        assertEquals(field, violations.get(0).get("path").asText(), answer.body());
        assertFalse(violations.get(0).get("message").asText().isBlank());
    }

    @Test
    void theCalendarFeedHasOneAllDayEventPerOpenItemAndParsesBack() {
        HttpResponse<byte[]> response = client.toBlocking().exchange(TestUsers.as(auditor,
                HttpRequest.GET(Http.encodeQuery("/api/v1/reminders.ics?organization=hiratsuka&asOf=2025-12-01"))), byte[].class);
        assertEquals(200, response.code());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/calendar"));
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), text);
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "longer than 75 octets: " + line);
        }
        ICalendar calendar = Biweekly.parse(text).first();
        assertNotNull(calendar, text);
        List<VEvent> events = calendar.getEvents();
        assertEquals(5, events.size(), text);
        VEvent first = events.get(0);
        assertEquals("【期限超過】市民課 改善策 ORG-01: 担当者を課内に周知する", first.getSummary().getValue());
        assertFalse(first.getDateStart().getValue().hasTime(), "an all-day event");
        assertEquals(LocalDate.of(2025, 11, 30), toLocalDate(first.getDateStart().getValue()));
        assertEquals(LocalDate.of(2025, 12, 1), toLocalDate(first.getDateEnd().getValue()));
        assertNotNull(first.getDateTimeStamp());
        assertTrue(first.getDescription().getValue().contains("令和7年11月30日 (2025-11-30)"), first.getDescription().getValue());
        // Links a calendar application can open: scheme, host and port the client used, and the record.
        String record = "http://localhost:" + server.getPort() + "/inspections/";
        assertTrue(first.getDescription().getValue().contains("自己点検: " + record), first.getDescription().getValue());
        assertTrue(first.getUrl().getValue().startsWith(record) && first.getUrl().getValue().endsWith("#item-ORG-01"),
                first.getUrl().getValue());
        assertEquals("点検 期限 平塚市", calendar.getExperimentalProperty("X-WR-CALNAME").getValue());
        VEvent action = events.get(2);
        assertEquals("市民課 是正措置 監査指摘F1: 窓口後方の申請書を施錠保管する", action.getSummary().getValue());
        List<String> uids = new ArrayList<>();
        events.forEach(e -> uids.add(e.getUid().getValue()));
        assertEquals(uids.size(), uids.stream().distinct().count(), "one UID per item");
        // The feed is the same on the next fetch: same UIDs, same stamps, same text.
        String again = new String(client.toBlocking().retrieve(TestUsers.as(auditor,
                HttpRequest.GET(Http.encodeQuery("/api/v1/reminders.ics?organization=hiratsuka&asOf=2025-12-01"))), byte[].class),
                StandardCharsets.UTF_8);
        assertEquals(text, again);
    }

    @Test
    void aCalendarClientIsChallengedForBasicAndThenServed() {
        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/reminders.ics?organization=hiratsuka"), byte[].class));
        assertEquals(401, refused.getStatus().getCode());
        assertTrue(refused.getResponse().getHeaders().get("WWW-Authenticate").startsWith("Basic"),
                String.valueOf(refused.getResponse().getHeaders().get("WWW-Authenticate")));
        HttpResponse<byte[]> served = client.toBlocking().exchange(TestUsers.as(shiminOfficer,
                HttpRequest.GET(Http.encodeQuery("/api/v1/reminders.ics?organization=hiratsuka&department=" + SHIMIN))), byte[].class);
        assertEquals(200, served.code());
        ICalendar calendar = Biweekly.parse(new String(served.body(), StandardCharsets.UTF_8)).first();
        calendar.getEvents().forEach(e -> assertTrue(e.getSummary().getValue().contains(SHIMIN)));
    }

    private static LocalDate toLocalDate(biweekly.util.ICalDate date) {
        return LocalDate.of(date.getRawComponents().getYear(), date.getRawComponents().getMonth(), date.getRawComponents().getDate());
    }

    private List<String> sources(Http.Answer answer) throws Exception {
        assertEquals(200, answer.status(), answer.body());
        List<String> sources = new ArrayList<>();
        for (JsonNode item : json.readTree(answer.body())) {
            JsonNode source = item.get("source");
            sources.add(source.has("itemId") ? source.get("itemId").asText() : source.get("findingId").asText());
        }
        return sources;
    }

    private Http.Answer get(String user, String uri) {
        return Http.sendAs(client, user, HttpRequest.GET(Http.encodeQuery(uri)));
    }
}
