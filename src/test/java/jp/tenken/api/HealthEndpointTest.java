package jp.tenken.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest
class HealthEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void healthAnswers200WithStatusUp() {
        Http.Answer answer = Http.send(client, HttpRequest.GET("/health"));
        assertEquals(200, answer.status());
        assertEquals("{\"status\":\"UP\"}", answer.body());
    }
}
