package jp.tenken.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PLAN-AUDIT-COUNT-VS-RECORDS through the service on a real database: the city's action plan says
 * 24 departments were audited in FY2024 (initiative 8). Before any audit is recorded the plan check
 * is silent about it; once the auditor has recorded FY2024's audits (one department twice), checking
 * and storing the plan name both numbers; a plan whose count matches, or that counts a year not yet
 * ended, stays silent. Run on H2 and PostgreSQL by the subclasses; the steps run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AuditCountCrossCheckContract {

    private static final String RULE = "PLAN-AUDIT-COUNT-VS-RECORDS";

    private TestDatabase database;
    private EmbeddedServer server;
    private HttpClient client;
    private final ObjectMapper json = new ObjectMapper();
    private String auditor;
    private String editor;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = openDatabase();
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        auditor = TestUsers.auditor(server.getApplicationContext());
        editor = TestUsers.editor(server.getApplicationContext());
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        server.close();
        database.close();
    }

    @Test
    @Order(1)
    void withoutAnyAuditRecordedTheCountsAreNotCompared() throws Exception {
        assertEquals(List.of(), findingsOf(RULE, check(Files.readAllBytes(Fixtures.DX_PLAN))));
    }

    @Test
    @Order(2)
    void theRecordsOfAnEndedYearAreComparedWithThePlansCount() throws Exception {
        audit("市民課", 2024, "2024-11-20");
        audit("市民課", 2024, "2025-01-15");
        audit("保育課", 2024, "2024-12-03");
        audit("デジタル推進課", 2023, "2023-11-20");
        List<JsonNode> found = findingsOf(RULE, check(Files.readAllBytes(Fixtures.DX_PLAN)));
        assertEquals(1, found.size(), found.toString());
        assertEquals("{\"initiativeNo\":8,\"fiscalYear\":2024,\"field\":\"auditedDepartments\"}", found.get(0).get("target").toString());
        assertEquals("WARNING", found.get(0).get("severity").asText());
        assertEquals("取組No.8: 2024年度の監査対象課数は計画では24課ですが、監査記録では2課です", found.get(0).get("message").asText());
    }

    @Test
    @Order(3)
    void aStoredVersionKeepsTheFinding() throws Exception {
        Http.Answer stored = Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans", Files.readAllBytes(Fixtures.DX_PLAN))
                .contentType("application/x-yaml"));
        assertEquals(201, stored.status(), stored.body());
        assertEquals(1, findingsOf(RULE, json.readTree(stored.body())).size());
        Http.Answer findings = Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/hiratsuka-dx-action-plan/findings"));
        assertEquals(1, findingsOf(RULE, json.readTree(findings.body())).size(), findings.body());
    }

    @Test
    @Order(4)
    void aCountThatMatchesAndAYearNotYetEndedAreSilent() throws Exception {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", "audit-programme");
        plan.put("title", "情報セキュリティ監査計画");
        plan.put("organization", "hiratsuka");
        plan.put("revisedOn", "2025-07-08");
        plan.put("period", Map.of("from", 2024, "to", 2025));
        plan.put("policies", List.of(Map.of("id", "P3", "name", "情報セキュリティの確保")));
        plan.put("initiatives", List.of(Map.of("no", 1, "policyId", "P3", "title", "監査の実施", "departments", List.of("デジタル推進課"),
                "years", List.of(
                        Map.of("fiscalYear", 2024, "plan", List.of("監査"), "result", "2課を監査", "auditedDepartments", 2),
                        Map.of("fiscalYear", 2025, "plan", List.of("監査"), "auditedDepartments", 30)))));
        assertEquals(List.of(), findingsOf(RULE, check(json.writeValueAsBytes(plan))));
    }

    private JsonNode check(byte[] yamlOrJson) throws Exception {
        Http.Answer answer = Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans/check", yamlOrJson)
                .contentType("application/x-yaml"));
        assertEquals(200, answer.status(), answer.body());
        return json.readTree(answer.body());
    }

    private static List<JsonNode> findingsOf(String ruleId, JsonNode body) {
        List<JsonNode> found = new ArrayList<>();
        body.get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals(ruleId)) {
                found.add(f);
            }
        });
        return found;
    }

    private void audit(String department, int fiscalYear, String auditedOn) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", "hiratsuka");
        body.put("department", department);
        body.put("fiscalYear", fiscalYear);
        body.put("auditedOn", auditedOn);
        body.put("auditors", List.of(Map.of("name", "監査員A", "department", "職員課")));
        body.put("findings", List.of());
        Http.Answer answer = Http.sendAs(client, auditor, HttpRequest.POST("/api/v1/audits", json.writeValueAsBytes(body))
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, answer.status(), answer.body());
    }
}
