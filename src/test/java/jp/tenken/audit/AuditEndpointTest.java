package jp.tenken.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.api.Http;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST/GET /api/v1/audits: what is refused, and the findings of a record as it is stored. */
@MicronautTest
class AuditEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

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
        return Http.send(client, HttpRequest.POST(uri, json.writeValueAsBytes(body)).contentType(MediaType.APPLICATION_JSON));
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
        JsonNode read = json.readTree(Http.send(client, HttpRequest.GET("/api/v1/audits/" + body.get("id").asText())).body());
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
    void anAuditDatedOutsideItsFiscalYearAndTheNextIs400NamingIt() throws Exception {
        for (String date : List.of("0001-01-01", "2024-03-31", "2026-04-01")) {
            Map<String, Object> body = record("健康課", "職員課");
            body.put("auditedOn", date);
            Http.Answer answer = post("/api/v1/audits", body);
            assertEquals(400, answer.status(), date + " " + answer.body());
            JsonNode violation = json.readTree(answer.body()).get("violations").get(0);
            assertEquals("auditedOn", violation.get("path").asText());
            assertEquals("2024年度の記録の日付は 2024-04-01〜2026-03-31 で指定してください", violation.get("message").asText());
        }
        assertEquals("[]", Http.send(client, HttpRequest.GET(Http.encodeQuery("/api/v1/audits?organization=hiratsuka&department=健康課"))).body(),
                "nothing stored");
        for (String date : List.of("2024-04-01", "2026-03-31")) {
            Map<String, Object> body = record("健康課", "職員課");
            body.put("auditedOn", date);
            assertEquals(201, post("/api/v1/audits", body).status(), date);
        }
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
        assertEquals(404, Http.send(client, HttpRequest.GET("/api/v1/audits/none")).status());
    }

    @Test
    void aCompletionDateStillToComeIs400AndNotRecorded() throws Exception {
        Map<String, Object> body = record("保育課", "職員課");
        body.put("findings", List.of(Map.of("id", "F1", "itemId", "PHY-02", "severity", "HIGH", "description", "未施錠",
                "correctiveAction", Map.of("action", "施錠する", "dueDate", "2025-03-31"))));
        String id = json.readTree(post("/api/v1/audits", body).body()).get("id").asText();
        String tomorrow = java.time.LocalDate.now().plusDays(1).toString();
        Http.Answer future = post("/api/v1/audits/" + id + "/findings/F1/completion", Map.of("completedOn", tomorrow));
        assertEquals(400, future.status(), future.body());
        assertEquals("completedOn", json.readTree(future.body()).get("violations").get(0).get("path").asText());
        JsonNode stored = json.readTree(Http.send(client, HttpRequest.GET("/api/v1/audits/" + id)).body());
        assertTrue(stored.get("record").get("findings").get(0).get("correctiveAction").get("completedOn").isNull());
        assertEquals(200, post("/api/v1/audits/" + id + "/findings/F1/completion",
                Map.of("completedOn", java.time.LocalDate.now().toString())).status(), "today is a completion date");
    }

    @Test
    void aRecordWhoseActionWasCompletedBeforeTheAuditOrIsYetToBeIs400() throws Exception {
        for (String completedOn : List.of(java.time.LocalDate.now().plusDays(1).toString(), "2024-11-19")) {
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
}
