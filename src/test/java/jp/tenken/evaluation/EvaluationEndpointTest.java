package jp.tenken.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.account.Role;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
import jp.tenken.api.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluation API (CONTRACT §10) as a Hiratsuka plan editor: the city's evaluation sheet checked
 * and stored against its action plan, read back; documents refused as plans are, naming the field;
 * a plan that is not stored in the organization 422. Each test stores the action plan under an id
 * of its own, so that other tests' plans change nothing here.
 */
@MicronautTest
class EvaluationEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String editor;
    private String planId;

    @BeforeEach
    void storeThePlan() throws Exception {
        editor = TestUsers.editor(context);
        planId = "dx-" + UUID.randomUUID();
        String plan = Files.readString(Fixtures.DX_PLAN).replaceFirst("\nid: hiratsuka-dx-action-plan\n", "\nid: " + planId + "\n");
        assertEquals(201, Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans", plan.getBytes(StandardCharsets.UTF_8))
                .contentType("application/x-yaml")).status());
    }

    private String evaluation(String id) throws Exception {
        return Files.readString(Fixtures.DX_EVALUATION).replaceFirst("\nid: hiratsuka-dx-evaluation-2024\n", "\nid: " + id + "\n")
                .replace("\nplanId: hiratsuka-dx-action-plan\n", "\nplanId: " + planId + "\n");
    }

    private Http.Answer post(String path, String yaml) {
        return Http.sendAs(client, editor, HttpRequest.POST(path, yaml.getBytes(StandardCharsets.UTF_8)).contentType("application/x-yaml"));
    }

    private Http.Answer postJson(String path, String body) {
        return Http.sendAs(client, editor, HttpRequest.POST(path, body.getBytes(StandardCharsets.UTF_8)).contentType(MediaType.APPLICATION_JSON));
    }

    @Test
    void checkingAnswersOneTracePerResultInDocumentOrderAndStoresNothing() throws Exception {
        String id = "ev-" + UUID.randomUUID();
        Http.Answer answer = post("/api/v1/evaluations/check", evaluation(id));
        assertEquals(200, answer.status(), answer.body());
        JsonNode body = json.readTree(answer.body());
        assertEquals(id, body.get("evaluationId").asText());
        assertEquals(planId, body.get("planId").asText());
        assertEquals(1, body.get("planVersion").asInt());
        assertFalse(body.has("version"));
        JsonNode traces = body.get("traces");
        assertEquals(32, traces.size());
        assertEquals("子ども・子育て、教育", traces.get(0).get("field").asText());
        assertEquals(0, traces.get(0).get("index").asInt());
        assertEquals(3, traces.get(0).get("initiativeNos").get(0).asInt(), "キャッシュレス化・登園管理 → 保育所等におけるICTの活用");
        assertEquals("産業、雇用、環境", traces.get(31).get("field").asText());
        assertEquals(4, traces.get(31).get("index").asInt());
        assertEquals(25, traces.get(31).get("initiativeNos").get(0).asInt(), "大気常時監視 → 環境データの可視化");
        assertTrue(traces.get(0).get("score").asDouble() > 0);
        assertEquals("EVAL-INITIATIVE-UNREPORTED", body.get("findings").get(0).get("ruleId").asText());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/evaluations/" + id)).status());
    }

    @Test
    void storingNumbersVersionsAndReadsThemBackWithTheActivityEntry() throws Exception {
        String id = "ev-" + UUID.randomUUID();
        Http.Answer first = post("/api/v1/evaluations", evaluation(id));
        assertEquals(201, first.status(), first.body());
        JsonNode firstBody = json.readTree(first.body());
        assertEquals(1, firstBody.get("version").asInt());
        assertEquals(editor, firstBody.get("storedBy").asText());
        assertEquals(32, firstBody.get("traces").size());
        assertEquals(2, json.readTree(post("/api/v1/evaluations", evaluation(id)).body()).get("version").asInt());

        JsonNode latest = json.readTree(Http.sendAs(client, editor, HttpRequest.GET("/api/v1/evaluations/" + id)).body());
        assertEquals(2, latest.get("version").asInt());
        assertEquals(id, latest.get("document").get("id").asText());
        assertEquals(firstBody.get("traces"), latest.get("traces"));
        assertEquals(firstBody.get("findings"), latest.get("findings"));
        JsonNode one = json.readTree(Http.sendAs(client, editor, HttpRequest.GET("/api/v1/evaluations/" + id + "/versions/1")).body());
        assertEquals(1, one.get("version").asInt());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/evaluations/" + id + "/versions/3")).status());
        assertEquals(400, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/evaluations/" + id + "/versions/x")).status());

        JsonNode list = json.readTree(Http.sendAs(client, TestUsers.auditor(context), HttpRequest.GET("/api/v1/evaluations")).body());
        boolean listed = false;
        for (JsonNode e : list) {
            listed |= e.get("evaluationId").asText().equals(id) && e.get("latestVersion").asInt() == 2;
        }
        assertTrue(listed, list.toString());

        List<ActivityEntry> entries = context.getBean(ActivityLog.class).list(
                new ActivityQuery("hiratsuka", null, null, editor, ActivityAction.EVALUATION_STORED, 1000, 0));
        assertEquals(2, entries.stream().filter(e -> id.equals(e.target().get("evaluationId"))).count());
    }

    @Test
    void aPlanNotStoredInTheOrganizationIs422NamingPlanIdAndStoresNothing() throws Exception {
        String id = "ev-" + UUID.randomUUID();
        Http.Answer unknown = post("/api/v1/evaluations", evaluation(id).replace("\nplanId: " + planId + "\n", "\nplanId: no-such-plan\n"));
        assertEquals(422, unknown.status(), unknown.body());
        assertEquals("planId", json.readTree(unknown.body()).get("violations").get(0).get("path").asText());
        // The plan of another organization is as unknown as one that does not exist.
        String otherEditor = TestUsers.ensure(context, "other-town-editor", Set.of(Role.PLAN_EDITOR), "other-town", Set.of());
        String otherPlan = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"other-" + id + "\"")
                .replace("\"organization\": \"hiratsuka\"", "\"organization\": \"other-town\"");
        Http.sendAs(client, otherEditor, HttpRequest.POST("/api/v1/plans", otherPlan.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_JSON));
        Http.Answer foreign = post("/api/v1/evaluations", evaluation(id).replace("\nplanId: " + planId + "\n", "\nplanId: other-" + id + "\n"));
        assertEquals(422, foreign.status(), foreign.body());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/evaluations/" + id)).status());
    }

    @Test
    void documentsAreReadStrictlyAsPlansAreWithA400NamingTheField() throws Exception {
        String id = "ev-" + UUID.randomUUID();
        String good = """
                {"id": "%s", "organization": "hiratsuka", "fiscalYear": 2024, "planId": "%s",
                 "fields": [{"name": "健康、福祉", "results": ["生きがい事業団のパソコン教室を支援しました。"]}]}
                """.formatted(id, planId);
        assertEquals(200, postJson("/api/v1/evaluations/check", good).status());
        assertRefused(good.replace("\"fiscalYear\": 2024", "\"fiscalYear\": \"2024\""), "fiscalYear");
        assertRefused(good.replace("[\"生きがい事業団のパソコン教室を支援しました。\"]", "[\"   \"]"), "fields[0].results[0]");
        assertRefused(good.replace("[\"生きがい事業団のパソコン教室を支援しました。\"]", "[null]"), "fields[0].results[0]");
        assertRefused(good.replace("[\"生きがい事業団のパソコン教室を支援しました。\"]", "[]"), "fields[0].results");
        assertRefused(good.replace("\"name\": \"健康、福祉\", ", ""), "fields[0].name");
        assertRefused(good.replace("\"planId\": \"" + planId + "\",", ""), "planId");
        assertRefused(good.replace("\"organization\": \"hiratsuka\",", "\"organization\": \"hiratsuka\", \"organization\": \"x\","), "organization");
        assertRefused(good.replace("\"id\": \"" + id + "\"", "\"id\": \"a/b\""), "id");
        assertRefused(good.replace("パソコン教室", "パソコン\u202E教室"), "fields[0].results[0]");
        Http.Answer alias = post("/api/v1/evaluations/check", """
                id: %s
                organization: hiratsuka
                fiscalYear: 2024
                planId: %s
                fields:
                  - name: &f 健康、福祉
                    results: [*f]
                """.formatted(id, planId));
        assertEquals(400, alias.status(), alias.body());
        assertEquals(415, Http.sendAs(client, editor, HttpRequest.POST("/api/v1/evaluations/check", good)
                .contentType(MediaType.TEXT_PLAIN)).status());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/evaluations/" + id)).status());
    }

    private void assertRefused(String body, String path) throws Exception {
        Http.Answer answer = postJson("/api/v1/evaluations", body);
        assertEquals(400, answer.status(), answer.body());
        JsonNode violations = json.readTree(answer.body()).get("violations");
        boolean named = false;
        for (JsonNode v : violations) {
            named |= v.get("path").asText().equals(path);
        }
        assertTrue(named, path + " in " + answer.body());
    }
}
