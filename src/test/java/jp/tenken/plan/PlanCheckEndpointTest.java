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
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/v1/plans/check, as a Hiratsuka plan editor. */
@MicronautTest
class PlanCheckEndpointTest {

    static final String PLAN = Fixtures.SMALL_PLAN;

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

    @Test
    void checksAJsonPlanAndAnswersFindingsInTheContractShape() throws Exception {
        Http.Answer answer = post(PLAN, MediaType.APPLICATION_JSON, null);
        assertEquals(200, answer.status());
        JsonNode body = json.readTree(answer.body());
        assertEquals("p", body.get("planId").asText());
        assertFalse(body.get("rulesVersion").asText().isBlank());
        assertEquals(0, body.get("summary").get("errors").asInt());
        assertEquals(1, body.get("summary").get("warnings").asInt());
        JsonNode finding = body.get("findings").get(0);
        assertEquals("PLAN-SCHEDULE-GAP", finding.get("ruleId").asText());
        assertEquals("WARNING", finding.get("severity").asText());
        assertEquals("取組No.3「保育所等におけるICTの活用」: 2025年度の計画が記載されていません", finding.get("message").asText());
        assertEquals(json.readTree("{\"initiativeNo\":3,\"fiscalYear\":2025,\"field\":\"years\"}"), finding.get("target"));
    }

    @Test
    void answersInEnglishWithAcceptLanguageEn() throws Exception {
        JsonNode finding = json.readTree(post(PLAN, MediaType.APPLICATION_JSON, "en").body()).get("findings").get(0);
        assertEquals("Initiative No.3 \"保育所等におけるICTの活用\": nothing is planned for FY2025", finding.get("message").asText());
    }

    @Test
    void acceptsYaml() throws Exception {
        String yaml = Files.readString(Fixtures.DX_PLAN, StandardCharsets.UTF_8);
        Http.Answer answer = post(yaml, "application/x-yaml", null);
        assertEquals(200, answer.status());
        assertEquals("hiratsuka-dx-action-plan", json.readTree(answer.body()).get("planId").asText());
    }

    @Test
    void brokenJsonIs400NamingLineAndColumn() throws Exception {
        Http.Answer answer = post("{\"id\": \"p\",\n  \"title\": ]", MediaType.APPLICATION_JSON, null);
        assertEquals(400, answer.status());
        String message = json.readTree(answer.body()).get("message").asText();
        assertTrue(message.contains("2行目") && message.contains("列目"), message);
    }

    @Test
    void aMissingFieldIs400WithItsPath() throws Exception {
        Http.Answer answer = post(PLAN.replace("\"title\": \"保育所等におけるICTの活用\",", ""), MediaType.APPLICATION_JSON, null);
        assertEquals(400, answer.status());
        JsonNode violation = json.readTree(answer.body()).get("violations").get(0);
        assertEquals("initiatives[0].title", violation.get("path").asText());
        assertEquals("必須です(空にはできません)", violation.get("message").asText());
    }

    @Test
    void aWrongTypeIs400NamingTheField() throws Exception {
        Http.Answer answer = post(PLAN.replace("\"no\": 3", "\"no\": \"three\""), MediaType.APPLICATION_JSON, null);
        assertEquals(400, answer.status());
        JsonNode violation = json.readTree(answer.body()).get("violations").get(0);
        assertEquals("initiatives[0].no", violation.get("path").asText());
    }

    @Test
    void anUnknownOrganizationIs422() throws Exception {
        // A plan of an organization that does not exist: only an admin of all organizations reaches it
        // (the Hiratsuka editor is refused it, 403, before it is checked).
        Http.Answer answer = Http.sendAsAdmin(client, HttpRequest.POST("/api/v1/plans/check",
                PLAN.replace("hiratsuka", "atlantis").getBytes(StandardCharsets.UTF_8)).contentType(MediaType.APPLICATION_JSON));
        assertEquals(422, answer.status());
        assertEquals("organization", json.readTree(answer.body()).get("violations").get(0).get("path").asText());
    }

    @Test
    void xmlIs415() throws Exception {
        Http.Answer answer = post("<plan/>", MediaType.APPLICATION_XML, null);
        assertEquals(415, answer.status());
        assertEquals("unsupported_media_type", json.readTree(answer.body()).get("code").asText());
    }

    private Http.Answer post(String body, String contentType, String language) {
        var request = HttpRequest.POST("/api/v1/plans/check", body.getBytes(StandardCharsets.UTF_8)).contentType(contentType);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return Http.sendAs(client, editor, request);
    }
}
