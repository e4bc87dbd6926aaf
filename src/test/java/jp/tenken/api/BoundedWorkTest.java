package jp.tenken.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.bench.MaximalPlans;
import jp.tenken.engine.WorkBudget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No request can wedge the service (issue 14, defect 2): a document beyond the limits is refused
 * naming the limit, the largest allowed one answers a bounded list of findings with full counts, work
 * past its time budget or abandoned by its client stops with nothing stored, and /health answers
 * while the largest documents are checked. Plans are sent by a Hiratsuka plan editor, the inspection by
 * the department's security officer, the audit and the reads of inspections and audits by an auditor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedWorkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private EmbeddedServer server;
    private HttpClient client;
    private String editor;
    private String officer;
    private String auditor;

    @BeforeAll
    void start() {
        server = start(Map.of());
        client = patientClient(server);
        editor = TestUsers.editor(server.getApplicationContext());
        officer = TestUsers.officer(server.getApplicationContext(), "officer-shimin", "市民課");
        auditor = TestUsers.auditor(server.getApplicationContext());
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    private EmbeddedServer start(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of(
                "tenken.data-dir", dataDir.resolve("db-" + System.nanoTime()).toString(),
                "datasources.default.url", "", "micronaut.server.port", -1));
        all.putAll(properties);
        return ApplicationContext.run(EmbeddedServer.class, all);
    }

    /** A client that waits as long as a queued large plan may take (the default gives up after 10 s). */
    private static HttpClient patientClient(EmbeddedServer server) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(Duration.ofSeconds(120));
        return server.getApplicationContext().createBean(HttpClient.class, server.getURL(), configuration);
    }

    private static Http.Answer post(HttpClient client, String user, String path, byte[] body) {
        return Http.sendAs(client, user, HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON));
    }

    private Http.Answer postPlan(HttpClient client, String path, byte[] body) {
        return post(client, editor, path, body);
    }

    @Test
    void the_amplifying_plan_is_refused_naming_the_limit_and_stores_nothing() throws Exception {
        for (String path : List.of("/api/v1/plans/check", "/api/v1/plans")) {
            Http.Answer answer = postPlan(client, path, MaximalPlans.amplification());
            assertEquals(400, answer.status(), answer.body());
            JsonNode violation = JSON.readTree(answer.body()).get("violations").get(0);
            assertEquals("initiatives", violation.get("path").asText());
            assertTrue(violation.get("message").asText().contains("2000件まで"), violation.toString());
        }
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/amplification")).status());
    }

    @Test
    void a_period_longer_than_twenty_years_is_refused_naming_its_limit() throws Exception {
        Http.Answer answer = postPlan(client, "/api/v1/plans/check", MaximalPlans.plan("long", 2001, 2021, 1));
        assertEquals(400, answer.status(), answer.body());
        JsonNode violation = JSON.readTree(answer.body()).get("violations").get(0);
        assertEquals("period.to", violation.get("path").asText());
        assertTrue(violation.get("message").asText().contains("20"), violation.toString());
    }

    @Test
    void an_inspection_or_audit_with_more_entries_than_the_limit_is_refused_naming_the_list() throws Exception {
        StringBuilder answers = new StringBuilder();
        for (int i = 0; i <= 1000; i++) {
            answers.append(i == 0 ? "" : ",").append("{\"itemId\": \"X-").append(i).append("\", \"answer\": \"YES\"}");
        }
        String inspection = "{\"checklistId\": \"municipal-security-self-inspection\", \"organization\": \"hiratsuka\","
                + " \"department\": \"市民課\", \"fiscalYear\": 2025, \"submittedOn\": \"2025-10-15\", \"answers\": [" + answers + "]}";
        StringBuilder findings = new StringBuilder();
        for (int i = 0; i <= 500; i++) {
            findings.append(i == 0 ? "" : ",").append("{\"id\": \"F").append(i).append("\", \"severity\": \"LOW\"}");
        }
        String audit = "{\"organization\": \"hiratsuka\", \"department\": \"市民課\", \"fiscalYear\": 2024,"
                + " \"auditedOn\": \"2024-11-20\", \"auditors\": [{\"name\": \"監査員A\", \"department\": \"デジタル推進課\"}],"
                + " \"findings\": [" + findings + "]}";
        for (String[] userPathBodyField : new String[][] {{officer, "/api/v1/inspections", inspection, "answers", "1000件まで"},
                {auditor, "/api/v1/audits", audit, "findings", "500件まで"}}) {
            String[] pathBodyField = java.util.Arrays.copyOfRange(userPathBodyField, 1, userPathBodyField.length);
            Http.Answer answer = post(client, userPathBodyField[0], pathBodyField[0], pathBodyField[1].getBytes(StandardCharsets.UTF_8));
            assertEquals(400, answer.status(), answer.body());
            JsonNode violation = JSON.readTree(answer.body()).get("violations").get(0);
            assertEquals(pathBodyField[2], violation.get("path").asText());
            assertTrue(violation.get("message").asText().contains(pathBodyField[3]), violation.toString());
        }
        assertEquals("[]", Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/inspections?organization=hiratsuka")).body());
        assertEquals("[]", Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/audits?organization=hiratsuka")).body());
    }

    @Test
    void the_largest_allowed_plan_lists_a_bounded_number_of_findings_and_counts_them_all() throws Exception {
        Http.Answer answer = postPlan(client, "/api/v1/plans", MaximalPlans.maximal("largest"));
        assertEquals(201, answer.status(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        JsonNode summary = body.get("summary");
        long total = summary.get("errors").asLong() + summary.get("warnings").asLong() + summary.get("infos").asLong();
        assertTrue(total > Limits.DEFAULT_MAX_FINDINGS, "the plan has more findings than one answer lists: " + total);
        assertEquals(Limits.DEFAULT_MAX_FINDINGS, body.get("findings").size());
        assertTrue(body.get("truncated").asBoolean());
        // the stored version keeps every finding; its answers list the same first ones
        JsonNode stored = JSON.readTree(Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/largest/findings")).body());
        assertEquals(summary, stored.get("summary"));
        assertEquals(body.get("findings"), stored.get("findings"));
        assertTrue(stored.get("truncated").asBoolean());
    }

    @Test
    void a_small_plan_is_not_truncated() throws Exception {
        Http.Answer answer = postPlan(client, "/api/v1/plans/check", Fixtures.SMALL_PLAN.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, answer.status(), answer.body());
        assertFalse(JSON.readTree(answer.body()).get("truncated").asBoolean());
    }

    @Test
    void work_past_its_time_budget_answers_503_and_stores_nothing() throws Exception {
        try (EmbeddedServer strict = start(Map.of("tenken.limits.time-budget", "1ms"));
             HttpClient strictClient = patientClient(strict)) {
            String strictEditor = TestUsers.editor(strict.getApplicationContext());
            Http.Answer answer = post(strictClient, strictEditor, "/api/v1/plans", MaximalPlans.maximal("over-budget"));
            assertEquals(503, answer.status(), answer.body());
            JsonNode body = JSON.readTree(answer.body());
            assertEquals("work_stopped", body.get("code").asText());
            assertTrue(body.get("message").asText().contains("何も保存されていません"), body.toString());
            assertEquals(404, Http.sendAs(strictClient, strictEditor, HttpRequest.GET("/api/v1/plans/over-budget")).status());
            assertEquals(1, strict.getApplicationContext().getBean(BoundedWorkInterceptor.class)
                    .stopped(WorkBudget.Stop.TIME_BUDGET));
        }
    }

    @Test
    void work_whose_client_has_gone_stops_and_stores_nothing() throws Exception {
        BoundedWorkInterceptor work = server.getApplicationContext().getBean(BoundedWorkInterceptor.class);
        long before = work.stopped(WorkBudget.Stop.CLIENT_GONE);
        byte[] body = MaximalPlans.maximal("abandoned");
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/plans HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                            (editor + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } // closed as soon as the whole request is sent
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (work.stopped(WorkBudget.Stop.CLIENT_GONE) == before && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(before + 1, work.stopped(WorkBudget.Stop.CLIENT_GONE));
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/abandoned")).status());
    }

    @Test
    void health_and_small_checks_answer_within_a_second_while_ten_largest_plans_are_checked() throws Exception {
        byte[] small = Fixtures.SMALL_PLAN.getBytes(StandardCharsets.UTF_8);
        assertEquals(200, postPlan(client, "/api/v1/plans/check", small).status()); // a served, warm service
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Http.Answer>> large = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                byte[] body = MaximalPlans.maximal("concurrent-" + i);
                large.add(pool.submit(() -> postPlan(client, "/api/v1/plans/check", body)));
            }
            List<Long> health = new ArrayList<>();
            List<Long> checks = new ArrayList<>();
            while (large.stream().anyMatch(f -> !f.isDone())) {
                long started = System.nanoTime();
                assertEquals(200, Http.send(client, HttpRequest.GET("/health")).status());
                health.add((System.nanoTime() - started) / 1_000_000);
                started = System.nanoTime();
                assertEquals(200, postPlan(client, "/api/v1/plans/check", small).status());
                checks.add((System.nanoTime() - started) / 1_000_000);
                Thread.sleep(50);
            }
            int answered = 0;
            for (Future<Http.Answer> f : large) {
                Http.Answer answer = f.get();
                assertTrue(answer.status() == 200 || answer.status() == 503, answer.status() + " " + answer.body());
                answered += answer.status() == 200 ? 1 : 0;
            }
            health.sort(null);
            checks.sort(null);
            System.out.printf("ten largest plans: %d answered 200, %d answered 503; %d probes; /health median %d ms, slowest %d ms;"
                            + " small check median %d ms, slowest %d ms%n", answered, large.size() - answered, health.size(),
                    health.get(health.size() / 2), health.get(health.size() - 1), checks.get(checks.size() / 2),
                    checks.get(checks.size() - 1));
            assertTrue(answered >= 1, "at least the first large plan is checked");
            assertTrue(health.get(health.size() - 1) < 1000, "slowest /health " + health);
            assertTrue(checks.get(checks.size() - 1) < 1000, "slowest small check " + checks);
        } finally {
            pool.shutdownNow();
        }
    }
}
