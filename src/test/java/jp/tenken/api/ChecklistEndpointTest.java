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
}
