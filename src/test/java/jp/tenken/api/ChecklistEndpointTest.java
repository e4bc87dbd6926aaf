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
}
