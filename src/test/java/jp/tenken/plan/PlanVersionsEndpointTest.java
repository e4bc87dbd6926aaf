package jp.tenken.plan;

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
import jp.tenken.account.Role;
import jp.tenken.api.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/v1/plans/{id}/versions, …/versions/{n}/findings and …/compare?from=&to=: what the plan
 * editor's pages need and the contract lacks. The city's action plan is stored twice, the second
 * time with initiative 11's garbled department (ナンタル推進率) corrected and initiative 1 given a
 * department the registry lacks (Fixtures#dxPlanSecondVersion):
 * initiative 11's two findings resolved, two added on initiative 1.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanVersionsEndpointTest {

    private static final String PLAN = "hiratsuka-dx-action-plan";
    private static final String OTHER_TOWN_EDITOR = "versions-other-editor";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String editor;

    @BeforeAll
    void twoVersions() throws Exception {
        editor = TestUsers.editor(context);
        TestUsers.ensure(context, OTHER_TOWN_EDITOR, Set.of(Role.PLAN_EDITOR), "other-town", Set.of());
        String original = Files.readString(Fixtures.DX_PLAN);
        assertEquals(201, store(original).status());
        Http.Answer second = store(Fixtures.dxPlanSecondVersion());
        assertEquals(201, second.status(), second.body());
        assertEquals(2, json.readTree(second.body()).get("version").asInt());
    }

    private Http.Answer store(String yaml) {
        return Http.send(client, TestUsers.as(editor, HttpRequest.POST("/api/v1/plans", yaml.getBytes(StandardCharsets.UTF_8))
                .contentType("application/x-yaml")));
    }

    private Http.Answer get(String user, String path) {
        return Http.send(client, TestUsers.as(user, HttpRequest.GET(path)));
    }

    @Test
    void theVersionsListEachVersionWithWhoStoredItWhenAndItsCounts() throws Exception {
        Http.Answer answer = get(editor, "/api/v1/plans/" + PLAN + "/versions");
        assertEquals(200, answer.status(), answer.body());
        JsonNode versions = json.readTree(answer.body());
        assertEquals(2, versions.size());
        for (int i = 0; i < 2; i++) {
            JsonNode v = versions.get(i);
            assertEquals(i + 1, v.get("version").asInt());
            assertEquals(editor, v.get("storedBy").asText());
            assertTrue(v.get("storedAt").asText().matches("\\d{4}-\\d{2}-\\d{2}T.*"), v.toString());
            assertTrue(v.get("summary").has("errors") && v.get("summary").has("warnings") && v.get("summary").has("infos"));
        }
        JsonNode v1Findings = json.readTree(get(editor, "/api/v1/plans/" + PLAN + "/versions/1/findings").body());
        assertEquals(v1Findings.get("summary"), versions.get(0).get("summary"), "the counts are those of the version's findings");
    }

    @Test
    void aVersionsFindingsHaveTheShapeOfTheLatestFindings() throws Exception {
        JsonNode latest = json.readTree(get(editor, "/api/v1/plans/" + PLAN + "/findings").body());
        JsonNode second = json.readTree(get(editor, "/api/v1/plans/" + PLAN + "/versions/2/findings").body());
        assertEquals(latest, second);
        Http.Answer first = get(editor, "/api/v1/plans/" + PLAN + "/versions/1/findings");
        assertEquals(200, first.status(), first.body());
        JsonNode body = json.readTree(first.body());
        assertEquals(1, body.get("version").asInt());
        assertEquals(editor, body.get("storedBy").asText());
        assertTrue(ruleTargets(body.get("findings")).contains("PLAN-DEPARTMENT-UNKNOWN 11"), body.toString());
        assertFalse(ruleTargets(second.get("findings")).contains("PLAN-DEPARTMENT-UNKNOWN 11"));
    }

    @Test
    void theComparisonListsTheFindingsAddedAndResolvedByRuleAndTarget() throws Exception {
        Http.Answer answer = get(editor, "/api/v1/plans/" + PLAN + "/compare?from=1&to=2");
        assertEquals(200, answer.status(), answer.body());
        JsonNode body = json.readTree(answer.body());
        assertEquals(PLAN, body.get("planId").asText());
        assertEquals(1, body.get("from").asInt());
        assertEquals(2, body.get("to").asInt());
        List<String> resolved = ruleTargets(body.get("resolved"));
        assertTrue(resolved.contains("PLAN-DEPARTMENT-UNKNOWN 11"), body.toString());
        assertTrue(ruleTargets(body.get("added")).contains("PLAN-DEPARTMENT-UNKNOWN 1"), body.toString());
        assertEquals(resolved.size(), body.get("resolvedCount").asInt());
        assertEquals(body.get("added").size(), body.get("addedCount").asInt());
        JsonNode one = body.get("resolved").get(0);
        assertTrue(one.has("ruleId") && one.has("severity") && one.has("target") && one.has("message"), one.toString());
        assertFalse(one.get("message").asText().isBlank());

        // The other way round, what was resolved is added; and a version against itself changes nothing.
        JsonNode back = json.readTree(get(editor, "/api/v1/plans/" + PLAN + "/compare?from=2&to=1").body());
        assertEquals(body.get("resolved"), back.get("added"));
        assertEquals(body.get("added"), back.get("resolved"));
        JsonNode same = json.readTree(get(editor, "/api/v1/plans/" + PLAN + "/compare?from=2&to=2").body());
        assertEquals(0, same.get("addedCount").asInt());
        assertEquals(0, same.get("resolvedCount").asInt());
    }

    @Test
    void badVersionNumbersAre400NamingTheParameter() throws Exception {
        for (String[] c : new String[][] {{"from=x&to=2", "from"}, {"from=1&to=0", "to"}, {"to=2", "from"}, {"from=1", "to"},
                {"from=%EF%BC%91&to=2", "from"}, {"from=1&to=-1", "to"}, {"from=1&to=99999999999", "to"}}) {
            Http.Answer answer = get(editor, "/api/v1/plans/" + PLAN + "/compare?" + c[0]);
            assertEquals(400, answer.status(), c[0] + " " + answer.body());
            assertEquals(c[1], json.readTree(answer.body()).get("violations").get(0).get("path").asText(), c[0]);
        }
        Http.Answer version = get(editor, "/api/v1/plans/" + PLAN + "/versions/abc/findings");
        assertEquals(400, version.status(), version.body());
        assertEquals("version", json.readTree(version.body()).get("violations").get(0).get("path").asText());
    }

    @Test
    void unknownPlansAndVersionsAre404() {
        assertEquals(404, get(editor, "/api/v1/plans/no-such-plan/versions").status());
        assertEquals(404, get(editor, "/api/v1/plans/no-such-plan/versions/1/findings").status());
        assertEquals(404, get(editor, "/api/v1/plans/no-such-plan/compare?from=1&to=2").status());
        assertEquals(404, get(editor, "/api/v1/plans/" + PLAN + "/versions/3/findings").status());
        assertEquals(404, get(editor, "/api/v1/plans/" + PLAN + "/compare?from=1&to=3").status());
        assertEquals(404, get(editor, "/api/v1/plans/" + PLAN + "/compare?from=9&to=2").status());
    }

    @Test
    void anotherOrganizationsEditorIsRefusedWhateverTheParameters() throws Exception {
        for (String path : List.of("/versions", "/versions/1/findings", "/versions/abc/findings", "/compare?from=1&to=2",
                "/compare?from=x")) {
            Http.Answer answer = get(OTHER_TOWN_EDITOR, "/api/v1/plans/" + PLAN + path);
            assertEquals(403, answer.status(), path + " " + answer.body());
            assertTrue(json.readTree(answer.body()).get("message").asText().contains("PLAN_READ"), answer.body());
        }
    }

    @Test
    void withoutCredentialsEachIs401() {
        for (String path : List.of("/versions", "/versions/1/findings", "/compare?from=1&to=2")) {
            MutableHttpRequest<?> request = HttpRequest.GET("/api/v1/plans/" + PLAN + path).accept(MediaType.APPLICATION_JSON_TYPE);
            assertEquals(401, Http.send(client, request).status(), path);
        }
    }

    private static List<String> ruleTargets(JsonNode findings) {
        List<String> keys = new ArrayList<>();
        findings.forEach(f -> keys.add(f.get("ruleId").asText() + " "
                + (f.get("target").has("initiativeNo") ? f.get("target").get("initiativeNo").asText() : "-")));
        return keys;
    }
}
