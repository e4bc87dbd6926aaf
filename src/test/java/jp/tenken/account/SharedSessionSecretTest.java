package jp.tenken.account;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.tenken.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CONTRACT §7: instances that share the database and TENKEN_SESSION_SECRET accept each other's
 * login cookies; an instance with another secret does not. Three services on one database here.
 */
class SharedSessionSecretTest {

    private static final String SECRET = "a-session-secret-shared-by-both-instances-0123456789";

    @Test
    void aCookieOfOneInstanceWorksOnAnotherWithTheSameSecretOnly() throws Exception {
        String database = "jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (EmbeddedServer first = start(database, SECRET);
             EmbeddedServer second = start(database, SECRET);
             EmbeddedServer stranger = start(database, "another-secret-of-more-than-32-bytes-abcdefghij")) {
            String cookie = login(first);
            assertEquals(200, rulesWith(first, cookie));
            assertEquals(200, rulesWith(second, cookie));
            assertEquals(401, rulesWith(stranger, cookie));
        }
    }

    @Test
    void aSecretShorterThan32BytesStopsTheStart() {
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> start("jdbc:h2:mem:short-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "too-short"));
        assertTrue(jp.tenken.source.SourceException.in(failure).isPresent(), failure.toString());
    }

    private static EmbeddedServer start(String database, String secret) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", database,
                "tenken.session-secret", secret,
                "micronaut.server.port", -1), "test");
    }

    private static String login(EmbeddedServer server) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        try (HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL(), configuration)) {
            HttpResponse<?> response = client.toBlocking().exchange(HttpRequest.POST("/login",
                    Map.of("username", TestUsers.ADMIN, "password", TestUsers.PASSWORD))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
            return response.getCookie("JWT").orElseThrow().getValue();
        }
    }

    private static int rulesWith(EmbeddedServer server, String cookie) {
        try (HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            return client.toBlocking().exchange(HttpRequest.GET("/api/v1/rules").cookie(Cookie.of("JWT", cookie))).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
