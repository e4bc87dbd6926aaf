package jp.tenken.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench's pages section (issue 16): the service started as the README starts it, a security
 * officer logged in through the form, then the self-inspection form page (every item of the checklist) fetched and the
 * whole form saved as a draft, each many times, timed from request to last byte on this machine
 * (so the server's time plus a loopback round trip).
 */
final class PageBench {

    /**
     * Warm-up: the 114-item form page took 1,500–2,000 requests before its p95 settled on this machine
     * (the optimizing compiler still working); 100 requests left a p95 of 59–74 ms that was the
     * compiler's, not the page's. So each kind is warmed for a time, not a count.
     */
    private static final long WARMUP_SECONDS = 30;
    private static final int WARMUP = 100;
    private static final int MEASURED = 300;
    private static final Pattern TOKEN = Pattern.compile("name=\"csrfToken\" value=\"([^\"]*)\"");
    private static final String FORM = "/inspections/form?department=" + URLEncoder.encode("市民課", StandardCharsets.UTF_8) + "&fiscalYear=2025";

    private PageBench() {
    }

    static void run(Path jar, Map<String, String> env, Consumer<String> line) throws Exception {
        Path work = Files.createTempDirectory("tenken-bench-pages");
        env.put("TENKEN_DATA_DIR", work.toString());
        line.accept("## Pages (issue 16)");
        line.accept("");
        try (ServerProcess server = ServerProcess.start(jar, BenchCommand.readmeJvmOptions(jar), work, env)) {
            HttpClient admin = HttpClient.newHttpClient();
            String officer = "{\"username\":\"bench-officer\",\"displayName\":\"計測 担当\",\"roles\":[\"SECURITY_OFFICER\"],"
                    + "\"organization\":\"hiratsuka\",\"departments\":[\"市民課\"],\"password\":\"bench-officer-0123\"}";
            expect(201, admin.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/users")))
                    .header("Authorization", ServerProcess.AUTHORIZATION).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(officer)).build(), HttpResponse.BodyHandlers.ofString()));
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            expect(303, browser.send(form(server.url("/login"), "username=bench-officer&password=bench-officer-0123"),
                    HttpResponse.BodyHandlers.ofString()));
            HttpRequest page = HttpRequest.newBuilder(URI.create(server.url(FORM))).GET().build();
            HttpResponse<String> first = browser.send(page, HttpResponse.BodyHandlers.ofString());
            expect(200, first);
            Matcher token = TOKEN.matcher(first.body());
            if (!token.find()) {
                throw new IllegalStateException("the form has no CSRF token");
            }
            String draft = draftBody(token.group(1));
            HttpRequest save = form(server.url("/inspections/form?csrfToken=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)), draft);
            Stats pageTimes = time(browser, page, 200);
            Stats saveTimes = time(browser, save, 303);
            line.accept("The service started with the README's command; a security officer of 市民課 logged in through the"
                    + " login form; each kind warmed up for " + WARMUP_SECONDS + " s (at least " + WARMUP + " requests), then " + MEASURED + " measured one after"
                    + " another, from request to last byte over loopback. The form page is " + first.body().length() / 1024
                    + " KB of HTML (every item of the current checklist); the draft is every answer of docs/examples/inspection-shimin-2025.yaml ("
                    + draft.length() / 1024 + " KB of form fields).");
            line.accept("");
            line.accept("| request | p50 | p95 | p99 | target |");
            line.accept("| --- | ---: | ---: | ---: | --- |");
            line.accept(String.format(Locale.ROOT, "| GET the self-inspection form page | %.1f ms | **%.1f ms** | %.1f ms | p95 ≤ 50 ms |",
                    pageTimes.median(), pageTimes.percentile(95), pageTimes.percentile(99)));
            line.accept(String.format(Locale.ROOT, "| POST 下書き保存 (the whole form as a draft) | %.1f ms | **%.1f ms** | %.1f ms | ≤ 50 ms |",
                    saveTimes.median(), saveTimes.percentile(95), saveTimes.percentile(99)));
            line.accept("");
        }
    }

    /**
     * The compliance list page of an organization, as an auditor of it created through the users
     * API and logged in through the form: 10 warm-up requests, then 50 timed.
     */
    static Stats compliancePage(ServerProcess server, String organization, int fiscalYear) throws Exception {
        String auditor = "{\"username\":\"bench-auditor\",\"displayName\":\"計測 監査\",\"roles\":[\"AUDITOR\"],"
                + "\"organization\":\"" + organization + "\",\"departments\":[],\"password\":\"bench-auditor-0123\"}";
        HttpClient admin = HttpClient.newHttpClient();
        expect(201, admin.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/users")))
                .header("Authorization", ServerProcess.AUTHORIZATION).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(auditor)).build(), HttpResponse.BodyHandlers.ofString()));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        expect(303, browser.send(form(server.url("/login"), "username=bench-auditor&password=bench-auditor-0123"),
                HttpResponse.BodyHandlers.ofString()));
        HttpRequest page = HttpRequest.newBuilder(URI.create(server.url("/compliance?fiscalYear=" + fiscalYear))).GET().build();
        for (int i = 0; i < 10; i++) {
            expect(200, browser.send(page, HttpResponse.BodyHandlers.ofString()));
        }
        Stats stats = new Stats();
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = browser.send(page, HttpResponse.BodyHandlers.ofString());
            stats.add(System.nanoTime() - t0);
            expect(200, response);
        }
        return stats;
    }

    private static Stats time(HttpClient client, HttpRequest request, int status) throws Exception {
        long warmUntil = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        for (int i = 0; i < WARMUP || System.nanoTime() < warmUntil; i++) {
            expect(status, client.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        Stats stats = new Stats();
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            stats.add(System.nanoTime() - t0);
            expect(status, response);
        }
        return stats;
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The example self-inspection as the form's fields, saved as a draft. */
    private static String draftBody(String token) throws Exception {
        JsonNode example = new YAMLMapper().readTree(Path.of("docs/examples/inspection-shimin-2025.yaml").toFile());
        StringJoiner fields = new StringJoiner("&");
        add(fields, "csrfToken", token);
        add(fields, "department", "市民課");
        add(fields, "fiscalYear", "2025");
        for (JsonNode answer : example.get("answers")) {
            String id = answer.get("itemId").asText();
            if (answer.hasNonNull("answer")) {
                add(fields, "answer." + id, answer.get("answer").asText());
            }
            if (answer.hasNonNull("value")) {
                add(fields, "value." + id, answer.get("value").asText());
            }
            if (answer.hasNonNull("evidence")) {
                add(fields, "evidence." + id, answer.get("evidence").asText());
            }
            JsonNode remediation = answer.get("remediation");
            if (remediation != null) {
                add(fields, "action." + id, remediation.path("action").asText(""));
                add(fields, "due." + id, remediation.path("dueDate").asText(""));
            }
        }
        add(fields, "intent", "save-draft");
        return fields.toString();
    }

    private static void add(StringJoiner fields, String name, String value) {
        fields.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ", expected " + status
                    + ": " + response.body().lines().limit(3).toList());
        }
    }
}
