package jp.tenken.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import jp.tenken.inspection.Submissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through HTTP, as the users of the requests: every stored record names who made it in every answer
 * that shows it, and each accepted write left its activity entry by that user. (The stores' own
 * contracts test the same on H2 and PostgreSQL, with the writes that fail.)
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedByEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Inject
    ActivityLog activity;

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode send(String user, MutableHttpRequest<?> request, int status) throws Exception {
        Http.Answer answer = Http.send(client, TestUsers.as(user, request));
        assertEquals(status, answer.status(), answer.body());
        return json.readTree(answer.body());
    }

    private JsonNode get(String user, String uri) throws Exception {
        return send(user, HttpRequest.GET(Http.encodeQuery(uri)), 200);
    }

    private JsonNode post(String user, String uri, Object body, int status) throws Exception {
        byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
        return send(user, HttpRequest.POST(uri, bytes).contentType(MediaType.APPLICATION_JSON), status);
    }

    private List<ActivityEntry> entries(String user, ActivityAction action) {
        return activity.list(ActivityQuery.newest().withUser(user).withAction(action));
    }

    @Test
    void aPlanVersionNamesItsEditor() throws Exception {
        String editor = TestUsers.editor(context);
        String plan = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"recorded-by\"");
        JsonNode stored = post(editor, "/api/v1/plans", plan, 201);
        assertEquals(editor, stored.get("storedBy").asText());
        assertTrue(post(editor, "/api/v1/plans/check", plan, 200).path("storedBy").isMissingNode(),
                "a check stores nothing and names nobody");
        assertEquals(editor, get(TestUsers.ADMIN, "/api/v1/plans/recorded-by").get("storedBy").asText());
        assertEquals(editor, get(TestUsers.ADMIN, "/api/v1/plans/recorded-by/versions/1").get("storedBy").asText());
        assertEquals(editor, get(TestUsers.ADMIN, "/api/v1/plans/recorded-by/findings").get("storedBy").asText());
        for (JsonNode summary : get(TestUsers.ADMIN, "/api/v1/plans")) {
            if (summary.get("id").asText().equals("recorded-by")) {
                assertEquals(editor, summary.get("storedBy").asText());
            }
        }
        assertEquals(List.of(Map.of("planId", "recorded-by", "version", 1)),
                entries(editor, ActivityAction.PLAN_STORED).stream().map(ActivityEntry::target).toList());
    }

    @Test
    void aSelfInspectionNamesItsOfficer() throws Exception {
        String officer = TestUsers.officer(context, "officer-kankyo", "環境保全課");
        JsonNode stored = post(officer, "/api/v1/inspections", Submissions.compliant("環境保全課", 2025), 201);
        String id = stored.get("id").asText();
        assertEquals(officer, stored.get("submittedBy").asText());
        assertEquals(officer, get(TestUsers.ADMIN, "/api/v1/inspections/" + id).get("submittedBy").asText());
        JsonNode list = get(TestUsers.ADMIN, "/api/v1/inspections?organization=hiratsuka&department=環境保全課");
        assertEquals(officer, list.get(0).get("submittedBy").asText(), list.toString());
        assertEquals(List.of(Map.of("inspectionId", id, "department", "環境保全課", "fiscalYear", 2025)),
                entries(officer, ActivityAction.INSPECTION_SUBMITTED).stream().map(ActivityEntry::target).toList());
    }

    @Test
    void anAuditNamesItsAuditorAndEachCompletionItsOwn() throws Exception {
        String auditor = TestUsers.auditor(context);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action", "是正する");
        action.put("dueDate", "2025-03-31");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", "hiratsuka");
        body.put("department", "農水産課");
        body.put("fiscalYear", 2024);
        body.put("auditedOn", "2024-11-20");
        body.put("auditors", List.of(Map.of("name", "監査員A", "department", "職員課")));
        body.put("findings", List.of(Map.of("id", "F1", "itemId", "PHY-02", "severity", "HIGH", "description", "指摘",
                "correctiveAction", action)));
        JsonNode recorded = post(auditor, "/api/v1/audits", body, 201);
        String id = recorded.get("id").asText();
        assertEquals(auditor, recorded.get("recordedBy").asText());

        String completion = "/api/v1/audits/" + id + "/findings/F1/completion";
        post(TestUsers.ADMIN, completion, Map.of("completedOn", "2025-02-01"), 200);
        post(TestUsers.ADMIN, completion, Map.of("completedOn", "2025-02-01"), 200);
        for (JsonNode audit : List.of(get(auditor, "/api/v1/audits/" + id),
                get(auditor, "/api/v1/audits?organization=hiratsuka&department=農水産課").get(0))) {
            assertEquals(auditor, audit.get("recordedBy").asText(), audit.toString());
            JsonNode history = audit.get("record").get("findings").get(0).get("correctiveAction").get("completions");
            assertEquals(1, history.size(), "the identical retry added nothing");
            assertEquals(TestUsers.ADMIN, history.get(0).get("completedBy").asText());
        }
        assertEquals(List.of(Map.of("auditId", id, "department", "農水産課", "fiscalYear", 2024)),
                entries(auditor, ActivityAction.AUDIT_RECORDED).stream().map(ActivityEntry::target).toList());
        List<ActivityEntry> completions = entries(TestUsers.ADMIN, ActivityAction.ACTION_COMPLETED).stream()
                .filter(e -> id.equals(e.target().get("auditId"))).toList();
        assertEquals(List.of(Map.of("auditId", id, "findingId", "F1", "completedOn", LocalDate.of(2025, 2, 1).toString())),
                completions.stream().map(ActivityEntry::target).toList(), "one entry: the retry wrote none");
        assertEquals("hiratsuka", completions.get(0).organization());
    }
}
