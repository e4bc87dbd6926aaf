package jp.tenken.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ChecklistEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void checklistsAnswerAJsonList() {
        Http.Answer answer = Http.sendAsAdmin(client, HttpRequest.GET("/api/v1/checklists"));
        assertEquals(200, answer.status());
        assertTrue(answer.body().startsWith("["), answer.body());
    }
}
