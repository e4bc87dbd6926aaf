package jp.tenken.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/rules, as a plan editor (whose plans the rules check). */
@MicronautTest
class RuleCatalogEndpointTest {

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
    void listsEveryRuleWithIdSeverityTitleDescriptionAndSourceFile() throws Exception {
        Http.Answer answer = Http.sendAs(client, editor, HttpRequest.GET("/api/v1/rules"));
        assertEquals(200, answer.status());
        JsonNode rules = json.readTree(answer.body());
        JsonNode gap = find(rules, "PLAN-SCHEDULE-GAP");
        assertEquals("WARNING", gap.get("severity").asText());
        assertEquals("計画期間中の計画の空白", gap.get("title").asText());
        assertEquals("rules/plan/PLAN-SCHEDULE-GAP.drl", gap.get("source").asText());
        assertFalse(gap.get("description").asText().isBlank());
        for (JsonNode rule : rules) {
            assertTrue(rule.get("id").asText().matches("[A-Z]+(-[A-Z]+)+"), rule.toString());
        }
    }

    @Test
    void titlesAreEnglishWithAcceptLanguageEn() throws Exception {
        Http.Answer answer = Http.sendAs(client, editor, HttpRequest.GET("/api/v1/rules").header("Accept-Language", "en-US,en;q=0.9"));
        JsonNode gap = find(json.readTree(answer.body()), "PLAN-SCHEDULE-GAP");
        assertEquals("Gap in the schedule", gap.get("title").asText());
    }

    private static JsonNode find(JsonNode rules, String id) {
        for (JsonNode rule : rules) {
            if (rule.get("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError(id + " not served");
    }
}
