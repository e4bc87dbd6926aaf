package jp.tenken.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A URL or header beyond what the server reads is refused as what it is (CONTRACT §14): 414 and 431
 * with their own messages, not 413 "the document is too large". Sent as real HTTP requests, since
 * the limits are the HTTP decoder's, before any Micronaut client or route is involved.
 */
@MicronautTest
class RequestLineAndHeaderLimitsTest {

    @Inject
    EmbeddedServer server;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    @AfterEach
    void serviceStillAnswers() throws Exception {
        assertEquals(200, send(HttpRequest.newBuilder(uri("/health"))).statusCode());
    }

    @Test
    void aTwentyKilobyteUrlIs414() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/plans/" + "a".repeat(20 * 1024))));
        assertEquals(414, answer.statusCode(), answer.body());
        JsonNode body = json.readTree(answer.body());
        assertEquals("uri_too_long", body.get("code").asText());
        assertEquals("URLが長すぎます(リクエスト行の上限 4096 バイト)", body.get("message").asText());
        assertEquals(0, body.get("violations").size());
    }

    @Test
    void anEighteenKilobyteHeaderIs431() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/health")).header("X-Padding", "a".repeat(18 * 1024)));
        assertEquals(431, answer.statusCode(), answer.body());
        JsonNode body = json.readTree(answer.body());
        assertEquals("header_too_large", body.get("code").asText());
        assertEquals("リクエストヘッダーが大きすぎます(上限 8192 バイト)", body.get("message").asText());
    }
}
