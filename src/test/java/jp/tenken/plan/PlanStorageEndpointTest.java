package jp.tenken.plan;

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
import jp.tenken.api.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/v1/plans and the GET endpoints of stored plans, as a Hiratsuka plan editor. */
@MicronautTest
class PlanStorageEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String editor;

    @BeforeEach
    void createEditor() {
        editor = TestUsers.editor(context);
    }

    private Http.Answer post(String planId) {
        String body = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"" + planId + "\"");
        return Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans", body.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_JSON));
    }

    @Test
    void storingAnswers201WithTheCheckBodyAndTheVersion() throws Exception {
        Http.Answer first = post("stored-a");
        assertEquals(201, first.status());
        JsonNode body = json.readTree(first.body());
        assertEquals(1, body.get("version").asInt());
        assertEquals("stored-a", body.get("planId").asText());
        assertEquals("PLAN-SCHEDULE-GAP", body.get("findings").get(0).get("ruleId").asText());
        assertTrue(body.hasNonNull("storedAt"));
        assertEquals(2, json.readTree(post("stored-a").body()).get("version").asInt());
    }

    @Test
    void readsTheLatestVersionAVersionAndTheLatestFindings() throws Exception {
        post("stored-b");
        post("stored-b");
        JsonNode latest = json.readTree(Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/stored-b")).body());
        assertEquals(2, latest.get("version").asInt());
        assertEquals("stored-b", latest.get("document").get("id").asText());
        assertEquals("保育所等におけるICTの活用", latest.get("document").get("initiatives").get(0).get("title").asText());
        JsonNode first = json.readTree(Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/stored-b/versions/1")).body());
        assertEquals(1, first.get("version").asInt());
        JsonNode findings = json.readTree(Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/stored-b/findings")
                .header("Accept-Language", "en")).body());
        assertEquals(2, findings.get("version").asInt());
        assertEquals("Initiative No.3 \"保育所等におけるICTの活用\": nothing is planned for FY2025",
                findings.get("findings").get(0).get("message").asText());
    }

    @Test
    void listsStoredPlansWithTheirLatestVersion() throws Exception {
        post("stored-c");
        post("stored-c");
        post("stored-c");
        JsonNode list = json.readTree(Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans")).body());
        JsonNode entry = null;
        for (JsonNode plan : list) {
            if (plan.get("id").asText().equals("stored-c")) {
                entry = plan;
            }
        }
        assertEquals(3, entry.get("latestVersion").asInt());
    }

    @Test
    void unknownPlansAndVersionsAre404WithAMessage() throws Exception {
        Http.Answer plan = Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/nothing-here"));
        assertEquals(404, plan.status());
        assertEquals("計画「nothing-here」は登録されていません", json.readTree(plan.body()).get("message").asText());
        post("stored-d");
        Http.Answer version = Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/stored-d/versions/7"));
        assertEquals(404, version.status());
        assertEquals("計画「stored-d」に版 7 はありません", json.readTree(version.body()).get("message").asText());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/nothing-here/findings")).status());
    }

    @Test
    void aRefusedPlanStoresNothing() {
        String body = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"refused\"").replace("\"no\": 3", "\"no\": -3");
        Http.Answer answer = Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans", body.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(400, answer.status());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/refused")).status());
    }
}
