package jp.tenken.account;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production default: the first admin's password is hashed once the server answers, and a
 * login arriving meanwhile waits for the admin instead of being refused.
 */
class FirstAdminAfterServerStartTest {

    private static final String PASSWORD = "kanri-sha 2026 pass";

    @TempDir
    Path dataDir;

    private EmbeddedServer start(boolean afterServerStart) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("tenken.data-dir", dataDir.toString());
        properties.put("datasources.default.url", "");
        properties.put("tenken.admin-password", PASSWORD);
        properties.put("tenken.first-admin.after-server-start", afterServerStart);
        // Cost 14 (about 1.5 s here): the hash is certainly still running when the first login arrives.
        properties.put("tenken.password-hash-cost", 14);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static CompletableFuture<HttpResponse<String>> me(EmbeddedServer server, String password) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/me"))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(60)).GET().build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLoginWhileTheAdminIsBeingMadeWaitsForIt() throws Exception {
        try (EmbeddedServer server = start(true)) {
            CompletableFuture<Void> settled = server.getApplicationContext().getBean(FirstAdmin.class).settled();
            CompletableFuture<HttpResponse<String>> sent = me(server, PASSWORD);
            // The login is on its way while the admin does not exist yet: without the wait it is a 401.
            assertFalse(settled.isDone(), "the admin is made after the server answers");
            HttpResponse<String> answer = sent.get(60, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"admin\""), answer.body());
            assertTrue(settled.isDone());
            assertEquals(1, server.getApplicationContext().getBean(UserStore.class).count());
        }
    }

    /** The waiting path refuses as the other does: a 401, not an error, and the admin still made. */
    @Test
    void aWrongPasswordWhileTheAdminIsBeingMadeIsRefused() throws Exception {
        try (EmbeddedServer server = start(true)) {
            CompletableFuture<Void> settled = server.getApplicationContext().getBean(FirstAdmin.class).settled();
            CompletableFuture<HttpResponse<String>> sent = me(server, "not the password at all");
            assertFalse(settled.isDone());
            assertEquals(401, sent.get(60, TimeUnit.SECONDS).statusCode());
            settled.get(60, TimeUnit.SECONDS);
            assertEquals(200, me(server, PASSWORD).get(60, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void withTheSettingOffTheAdminExistsWhenTheContextHasStarted() throws Exception {
        try (EmbeddedServer server = start(false)) {
            assertTrue(server.getApplicationContext().getBean(FirstAdmin.class).settled().isDone());
            assertEquals(1, server.getApplicationContext().getBean(UserStore.class).count());
        }
    }

    @Test
    void aLaterStartHasNothingToMakeAndDoesNotWait() throws Exception {
        try (EmbeddedServer first = start(true)) {
            first.getApplicationContext().getBean(FirstAdmin.class).settled().get(60, TimeUnit.SECONDS);
        }
        try (EmbeddedServer second = start(true)) {
            assertTrue(second.getApplicationContext().getBean(FirstAdmin.class).settled().isDone());
        }
    }
}
