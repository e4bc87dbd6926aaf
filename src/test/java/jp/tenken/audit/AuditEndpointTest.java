package jp.tenken.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST/GET /api/v1/audits: what is refused, and the findings of a record as it is stored; records,
 * completions and reads as a Hiratsuka auditor.
 */
@MicronautTest
class AuditEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String auditor;

    @BeforeEach
    void createAuditor() {
        auditor = TestUsers.auditor(context);
    }

    private Map<String, Object> record(String department, String auditorDepartment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", "hiratsuka");
        body.put("department", department);
        body.put("fiscalYear", 2024);
        body.put("auditedOn", "2024-11-20");
        body.put("auditors", List.of(Map.of("name", "監査員A", "department", auditorDepartment)));
        body.put("findings", List.of(Map.of("id", "F1", "itemId", "PHY-02", "severity", "HIGH", "description", "未施錠")));
        return body;
    }

    private Http.Answer post(String uri, Object body) throws Exception {
        return Http.sendAs(client, auditor, HttpRequest.POST(uri, json.writeValueAsBytes(body)).contentType(MediaType.APPLICATION_JSON));
    }

    @Test
    void aRecordIsStored201WithItsRuleFindings() throws Exception {
        Http.Answer answer = post("/api/v1/audits", record("市民課", "市民課"));
        assertEquals(201, answer.status(), answer.body());
        JsonNode body = json.readTree(answer.body());
        assertTrue(body.get("id").asText().length() > 10);
        List<String> rules = new java.util.ArrayList<>();
        body.get("findings").forEach(f -> rules.add(f.get("ruleId").asText()));
        assertEquals(List.of("AUDIT-ACTION-MISSING", "AUDIT-SELF-AUDIT"), rules.stream().sorted().toList());
        JsonNode read = json.readTree(Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/audits/" + body.get("id").asText())).body());
        assertEquals("市民課", read.get("department").asText());
        assertEquals("F1", read.get("record").get("findings").get(0).get("id").asText());
    }

    @Test
    void anUnknownOrGroupDepartmentIs422NamingTheField() throws Exception {
        Http.Answer unknown = post("/api/v1/audits", record("宇宙開発課", "職員課"));
        assertEquals(422, unknown.status());
        assertEquals("department", json.readTree(unknown.body()).get("violations").get(0).get("path").asText());
        Http.Answer group = post("/api/v1/audits", record("市民課", "関係課"));
        assertEquals(422, group.status());
        assertEquals("auditors[0].department", json.readTree(group.body()).get("violations").get(0).get("path").asText());
    }

    @Test
    void aMalformedRecordIs400NamingTheField() throws Exception {
        Map<String, Object> body = record("市民課", "職員課");
        body.put("findings", List.of(Map.of("id", "F1", "severity", "CRITICAL")));
        Http.Answer answer = post("/api/v1/audits", body);
        assertEquals(400, answer.status());
        assertEquals("findings[0].severity", json.readTree(answer.body()).get("violations").get(0).get("path").asText());
        body.put("findings", List.of());
        body.put("auditors", List.of());
        assertEquals("auditors", json.readTree(post("/api/v1/audits", body).body()).get("violations").get(0).get("path").asText());
    }

    @Test
    void completingAnUnknownAuditOrFindingIs404AndWithoutADateIs400() throws Exception {
        assertEquals(404, post("/api/v1/audits/none/findings/F1/completion", Map.of("completedOn", "2025-01-10")).status());
        String id = json.readTree(post("/api/v1/audits", record("保育課", "職員課")).body()).get("id").asText();
        assertEquals(404, post("/api/v1/audits/" + id + "/findings/F9/completion", Map.of("completedOn", "2025-01-10")).status());
        Http.Answer noDate = post("/api/v1/audits/" + id + "/findings/F1/completion", Map.of());
        assertEquals(400, noDate.status());
        assertEquals("completedOn", json.readTree(noDate.body()).get("violations").get(0).get("path").asText());
        assertEquals(422, post("/api/v1/audits/" + id + "/findings/F1/completion", Map.of("completedOn", "2025-01-10")).status(),
                "F1 has no corrective action to complete");
        assertEquals(404, Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/audits/none")).status());
    }

    @Test
    void aCompletionDateStillToComeIs400AndNotRecorded() throws Exception {
        Map<String, Object> body = record("保育課", "職員課");
        body.put("findings", List.of(Map.of("id", "F1", "itemId", "PHY-02", "severity", "HIGH", "description", "未施錠",
                "correctiveAction", Map.of("action", "施錠する", "dueDate", "2025-03-31"))));
        String id = json.readTree(post("/api/v1/audits", body).body()).get("id").asText();
        String tomorrow = jp.tenken.text.JapaneseDates.today().plusDays(1).toString();
        Http.Answer future = post("/api/v1/audits/" + id + "/findings/F1/completion", Map.of("completedOn", tomorrow));
        assertEquals(400, future.status(), future.body());
        assertEquals("completedOn", json.readTree(future.body()).get("violations").get(0).get("path").asText());
        JsonNode stored = json.readTree(Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/audits/" + id)).body());
        assertTrue(stored.get("record").get("findings").get(0).get("correctiveAction").get("completedOn").isNull());
        assertEquals(200, post("/api/v1/audits/" + id + "/findings/F1/completion",
                Map.of("completedOn", jp.tenken.text.JapaneseDates.today().toString())).status(), "today is a completion date");
    }

    @Test
    void aRecordWhoseActionWasCompletedBeforeTheAuditOrIsYetToBeIs400() throws Exception {
        for (String completedOn : List.of(jp.tenken.text.JapaneseDates.today().plusDays(1).toString(), "2024-11-19")) {
            Map<String, Object> body = record("保育課", "職員課");
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("action", "施錠する");
            action.put("dueDate", "2025-03-31");
            action.put("completedOn", completedOn);
            body.put("findings", List.of(Map.of("id", "F1", "itemId", "PHY-02", "severity", "HIGH", "description", "未施錠",
                    "correctiveAction", action)));
            Http.Answer answer = post("/api/v1/audits", body);
            assertEquals(400, answer.status(), completedOn + " " + answer.body());
            assertEquals("findings[0].correctiveAction.completedOn",
                    json.readTree(answer.body()).get("violations").get(0).get("path").asText());
        }
    }

    private Map<String, Object> datedRecord(int fiscalYear, String auditedOn, String dueDate) {
        Map<String, Object> body = record("災害対策課", "職員課");
        body.put("fiscalYear", fiscalYear);
        body.put("auditedOn", auditedOn);
        body.put("findings", List.of(Map.of("id", "F1", "itemId", "PHY-02", "severity", "HIGH", "description", "未施錠",
                "correctiveAction", Map.of("action", "施錠する", "dueDate", dueDate))));
        return body;
    }

    private int storedAuditsOfDisasterDivision() throws Exception {
        return json.readTree(Http.sendAs(client, auditor, HttpRequest.GET(Http.encodeQuery(
                "/api/v1/audits?organization=hiratsuka&department=災害対策課"))).body()).size();
    }

    private void assertRefused(Map<String, Object> body, String path) throws Exception {
        int before = storedAuditsOfDisasterDivision();
        Http.Answer answer = post("/api/v1/audits", body);
        assertEquals(400, answer.status(), body + " " + answer.body());
        JsonNode violations = json.readTree(answer.body()).get("violations");
        assertEquals(List.of(path), List.of(violations.get(0).get("path").asText()), answer.body());
        assertEquals(before, storedAuditsOfDisasterDivision(), "nothing of a refused record is stored");
    }

    @Test
    void anAuditDatedAfterTodayIs400NamingAuditedOn() throws Exception {
        java.time.LocalDate tomorrow = jp.tenken.text.JapaneseDates.today().plusDays(1);
        int fiscalYear = jp.tenken.plan.FiscalYears.of(tomorrow);
        assertRefused(datedRecord(fiscalYear, tomorrow.toString(), tomorrow.plusMonths(3).toString()), "auditedOn");
        java.time.LocalDate today = jp.tenken.text.JapaneseDates.today();
        Http.Answer accepted = post("/api/v1/audits", datedRecord(jp.tenken.plan.FiscalYears.of(today), today.toString(),
                today.plusMonths(3).toString()));
        assertEquals(201, accepted.status(), "an audit held today: " + accepted.body());
    }

    @Test
    void anAuditDatedOutsideItsFiscalYearIs400NamingAuditedOn() throws Exception {
        assertRefused(datedRecord(2024, "2024-03-31", "2024-06-30"), "auditedOn");
        assertRefused(datedRecord(2024, "2025-04-01", "2025-06-30"), "auditedOn");
        for (String firstAndLastDay : List.of("2024-04-01", "2025-03-31")) {
            Http.Answer accepted = post("/api/v1/audits", datedRecord(2024, firstAndLastDay, "2025-03-31"));
            assertEquals(201, accepted.status(), firstAndLastDay + " lies in FY2024: " + accepted.body());
        }
    }

    @Test
    void aCorrectiveActionDueBeforeTheAuditIs400NamingItsDueDate() throws Exception {
        assertRefused(datedRecord(2024, "2024-11-20", "2024-11-19"), "findings[0].correctiveAction.dueDate");
        Http.Answer sameDay = post("/api/v1/audits", datedRecord(2024, "2024-11-20", "2024-11-20"));
        assertEquals(201, sameDay.status(), "due on the day of the audit: " + sameDay.body());
    }

    @Test
    void aDateRefusalIsInJapaneseOrInEnglish() throws Exception {
        byte[] body = json.writeValueAsBytes(datedRecord(2024, "2025-04-01", "2025-06-30"));
        String japanese = json.readTree(Http.sendAs(client, auditor, HttpRequest.POST("/api/v1/audits", body)
                .contentType(MediaType.APPLICATION_JSON)).body()).get("violations").get(0).get("message").asText();
        String english = json.readTree(Http.sendAs(client, auditor, HttpRequest.POST("/api/v1/audits", body)
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")).body())
                .get("violations").get(0).get("message").asText();
        assertTrue(japanese.contains("2024年度") && japanese.contains("2024-04-01") && japanese.contains("2025-03-31"), japanese);
        assertTrue(english.contains("fiscal year 2024") && english.contains("2024-04-01") && english.contains("2025-03-31"), english);
    }
}
