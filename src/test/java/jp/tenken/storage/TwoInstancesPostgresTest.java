package jp.tenken.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import jp.tenken.inspection.Submissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the service on one PostgreSQL database (CONTRACT §13, issue 21): concurrent
 * writes spread over both behave as on one. Plan versions stay consecutive and each is given once;
 * one self-inspection stays current per department and year; a login cookie of one (the login form
 * posted as a browser posts it) is valid on the other, and not on an instance with another secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesPostgresTest {

    private static final String SECRET = "a-session-secret-shared-by-both-instances-0123456789";

    private TestDatabases.TestDatabase database;
    private final List<EmbeddedServer> servers = new ArrayList<>();
    private final List<HttpClient> clients = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void startTwoInstances() {
        database = TestDatabases.postgres();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> properties = new HashMap<>(database.micronautProperties());
            properties.put("micronaut.server.port", -1);
            properties.put("tenken.session-secret", SECRET);
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
            servers.add(server);
            clients.add(server.getApplicationContext().createBean(HttpClient.class, server.getURL()));
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (HttpClient client : clients) {
            client.close();
        }
        for (EmbeddedServer server : servers) {
            server.close();
        }
        database.close();
    }

    /** Runs the calls at once on a pool of {@code threads}, each answer in the order of the calls. */
    private static <T> List<T> atOnce(int threads, List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = pool.invokeAll(calls);
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fortyConcurrentPlanUploadsOverBothGiveVersionsOneToFortyEachOnce() throws Exception {
        byte[] plan = Files.readAllBytes(Fixtures.DX_PLAN);
        String editor = TestUsers.editor(servers.get(0).getApplicationContext());
        List<Callable<Http.Answer>> uploads = IntStream.range(0, 40).<Callable<Http.Answer>>mapToObj(i -> () ->
                Http.sendAs(clients.get(i % 2), editor, HttpRequest.POST("/api/v1/plans", plan)
                        .contentType(MediaType.of("application/yaml")))).toList();
        List<Integer> versions = new ArrayList<>();
        String planId = null;
        for (Http.Answer answer : atOnce(16, uploads)) {
            assertEquals(201, answer.status(), answer.body());
            versions.add(json.readTree(answer.body()).get("version").asInt());
            planId = json.readTree(answer.body()).get("planId").asText();
        }
        assertEquals(IntStream.rangeClosed(1, 40).boxed().collect(Collectors.toCollection(TreeSet::new)), new TreeSet<>(versions),
                "each version once: " + versions);
        JsonNode stored = json.readTree(Http.sendAs(clients.get(0), editor,
                HttpRequest.GET("/api/v1/plans/" + planId + "/versions")).body());
        assertEquals(40, stored.size(), "forty versions stored");
    }

    @Test
    void tenConcurrentSubmissionsOfOneDepartmentOverBothLeaveExactlyOneCurrent() throws Exception {
        String officer = TestUsers.officer(servers.get(0).getApplicationContext(), "two-instances-officer", "保育課");
        byte[] body = json.writeValueAsBytes(Submissions.compliant("保育課", 2024));
        List<Callable<Http.Answer>> submissions = IntStream.range(0, 10).<Callable<Http.Answer>>mapToObj(i -> () ->
                Http.sendAs(clients.get(i % 2), officer, HttpRequest.POST("/api/v1/inspections", body)
                        .contentType(MediaType.APPLICATION_JSON))).toList();
        Set<String> ids = new TreeSet<>();
        for (Http.Answer answer : atOnce(10, submissions)) {
            assertEquals(201, answer.status(), answer.body());
            ids.add(json.readTree(answer.body()).get("id").asText());
        }
        assertEquals(10, ids.size(), "ten submissions kept");
        for (HttpClient client : clients) {
            JsonNode current = json.readTree(Http.sendAs(client, officer,
                    HttpRequest.GET(Http.encodeQuery("/api/v1/inspections?organization=hiratsuka&fiscalYear=2024&department=保育課"))).body());
            assertEquals(1, current.size(), "one current on each instance: " + current);
        }
    }

    @Test
    void aLoginCookieOfOneInstanceWorksOnTheOtherAndNotOnOneWithAnotherSecret() throws Exception {
        String editor = TestUsers.editor(servers.get(0).getApplicationContext());
        Cookie login = loginAsTheBrowserDoes(servers.get(0), editor);

        HttpResponse<String> me = exchange(clients.get(1), HttpRequest.GET("/api/v1/me").cookie(login));
        assertEquals(200, me.code(), me.body());
        assertEquals(editor, json.readTree(me.body()).get("username").asText(), "the same user on the other instance");
        HttpResponse<String> page = exchange(clients.get(1), HttpRequest.GET("/password").cookie(login));
        assertEquals(200, page.code(), "a page behind the login on the other instance");
        String displayName = json.readTree(me.body()).get("displayName").asText();
        assertTrue(page.body().contains(displayName), "the page names the user logged in on the first instance");

        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("tenken.session-secret", "another-secret-of-more-than-32-bytes-abcdefghij");
        try (EmbeddedServer stranger = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient client = stranger.getApplicationContext().createBean(HttpClient.class, stranger.getURL())) {
            assertEquals(401, exchange(client, HttpRequest.GET("/api/v1/me").cookie(login)).code(),
                    "an instance with another session secret refuses the cookie");
        }
    }

    /** Posts the login form as a browser does (with its Origin) and answers the login cookie it sets. */
    private static Cookie loginAsTheBrowserDoes(EmbeddedServer server, String username) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        try (HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL(), configuration)) {
            HttpResponse<String> response = exchange(client, HttpRequest.POST("/login",
                            Map.of("username", username, "password", TestUsers.PASSWORD))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                    .header(HttpHeaders.ORIGIN, "http://" + server.getHost() + ":" + server.getPort()));
            assertEquals(303, response.code(), "the login form redirects once logged in: " + response.body());
            return response.getCookie("JWT").orElseThrow(() -> new AssertionError("no login cookie"));
        }
    }

    private static HttpResponse<String> exchange(HttpClient client, MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }
}
