package jp.tenken.api;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/checklists, as a security officer (who answers them). */
@MicronautTest
class ChecklistEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    private String officer;

    @BeforeEach
    void createOfficer() {
        officer = TestUsers.officer(context, "officer-shimin", "市民課");
    }

    @Test
    void checklistsAnswerAJsonList() {
        Http.Answer answer = Http.sendAs(client, officer, HttpRequest.GET("/api/v1/checklists"));
        assertEquals(200, answer.status());
        assertTrue(answer.body().startsWith("["), answer.body());
    }

    @Test
    void inEnglishEveryChapterHasItsEnglishNameAndInJapaneseItsOwn() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Set<String> english = new java.util.TreeSet<>();
        json.readTree(Http.sendAs(client, officer, HttpRequest.GET("/api/v1/checklists").header("Accept-Language", "en")).body())
                .get(0).get("items").forEach(item -> english.add(item.get("chapter").asText()));
        assertTrue(english.contains("Technical security"), english.toString());
        assertTrue(english.stream().noneMatch(c -> c.codePoints().anyMatch(cp -> cp > 0x3000)), "no Japanese chapter left: " + english);
        java.util.Set<String> japanese = new java.util.TreeSet<>();
        json.readTree(Http.sendAs(client, officer, HttpRequest.GET("/api/v1/checklists")).body())
                .get(0).get("items").forEach(item -> japanese.add(item.get("chapter").asText()));
        assertTrue(japanese.contains("技術的セキュリティ"), japanese.toString());
        assertEquals(english.size(), japanese.size(), "one English name per chapter");
    }

    /** CONTRACT §15: the current version, an earlier one with ?version=, 404 for a version not kept. */
    @Test
    void theCurrentVersionIsServedAndAnEarlierOneOnRequest() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String path = "/api/v1/checklists/municipal-security-self-inspection";
        com.fasterxml.jackson.databind.JsonNode current = json.readTree(Http.sendAs(client, officer, HttpRequest.GET(path)).body());
        assertEquals("2026", current.get("version").asText());
        assertEquals("2025", current.get("supersedes").get("version").asText());
        assertEquals("removed", current.get("supersedes").get("items").get("EVA-04").asText());
        com.fasterxml.jackson.databind.JsonNode earlier = json.readTree(Http.sendAs(client, officer, HttpRequest.GET(path + "?version=2025")).body());
        assertEquals("2025", earlier.get("version").asText());
        assertEquals(73, earlier.get("items").size());
        assertEquals("DEPARTMENT", earlier.get("items").get(0).get("scope").asText());
        assertEquals(200, Http.sendAs(client, officer, HttpRequest.GET(path + "?version=2026")).status());
        Http.Answer missing = Http.sendAs(client, officer, HttpRequest.GET(path + "?version=1999"));
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("1999"), missing.body());
    }
}
