package jp.tenken.evaluation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan editor's evaluation pages (CONTRACT §8, §10) with a real login: the navigation links
 * them, the upload form checks the city's sheet (each result with the initiative it traces to,
 * untraced ones marked) and stores it as a version; a bad file comes back with the field named.
 */
@MicronautTest
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class EvaluationPagesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    private record Session(Cookie login, Cookie csrf, String token, String page) {
    }

    private Session login(String user) {
        HttpResponse<String> login = exchange(HttpRequest.POST("/login", Map.of("username", user, "password", TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        Cookie jwt = login.getCookie("JWT").orElseThrow(() -> new AssertionError("no login cookie " + login.code()));
        Cookie csrf = login.getCookie("tenken-csrf").orElseThrow(() -> new AssertionError("no CSRF cookie"));
        HttpResponse<String> page = exchange(HttpRequest.GET("/evaluations").cookie(jwt).cookie(csrf));
        assertEquals(200, page.code(), page.body());
        Matcher m = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), "the form's token");
        return new Session(jwt, csrf, m.group(1), page.body());
    }

    private HttpResponse<String> upload(Session session, String fileName, String content, String intent) {
        MultipartBody body = MultipartBody.builder()
                .addPart("csrfToken", session.token)
                .addPart("intent", intent)
                .addPart("file", fileName, MediaType.of("application/x-yaml"), content.getBytes(StandardCharsets.UTF_8))
                .build();
        return exchange(HttpRequest.POST("/evaluations?csrfToken=" + URLEncoder.encode(session.token, StandardCharsets.UTF_8), body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).cookie(session.login).cookie(session.csrf));
    }

    private String[] storedPlanAndEvaluation() throws Exception {
        String editor = TestUsers.editor(context);
        String planId = "dx-page-" + UUID.randomUUID();
        String plan = Files.readString(Fixtures.DX_PLAN).replaceFirst("\nid: hiratsuka-dx-action-plan\n", "\nid: " + planId + "\n");
        assertEquals(201, Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans", plan.getBytes(StandardCharsets.UTF_8))
                .contentType("application/x-yaml")).status());
        String evaluation = Files.readString(Fixtures.DX_EVALUATION)
                .replaceFirst("\nid: hiratsuka-dx-evaluation-2024\n", "\nid: ev-page-" + UUID.randomUUID() + "\n")
                .replace("\nplanId: hiratsuka-dx-action-plan\n", "\nplanId: " + planId + "\n")
                // One result the plan does not contain, to see it marked.
                .replace("      - \"大気常時監視", "      - \"庁舎の屋上に太陽光パネルを設置しました。\"\n      - \"大気常時監視");
        return new String[] {editor, evaluation};
    }

    @Test
    void checkingShowsEveryResultWithItsInitiativeAndMarksTheUntracedOne() throws Exception {
        String[] setUp = storedPlanAndEvaluation();
        Session session = login(setUp[0]);
        assertTrue(session.page.contains("href=\"/evaluations\""), "the navigation links the evaluations");
        HttpResponse<String> page = upload(session, "評価.yaml", setUp[1], "check");
        assertEquals(200, page.code(), page.body());
        String html = page.body();
        assertEquals(33, count(html, "class=\"result "), "one row per result");
        assertEquals(1, count(html, "data-trace=\"untraced\""), html);
        assertTrue(html.contains("未追跡"));
        Matcher first = Pattern.compile("data-result-index=\"0\" data-trace=\"traced\">.*?data-initiative-no=\"3\"", Pattern.DOTALL).matcher(html);
        assertTrue(first.find(), "the first result traces to No.3");
        assertTrue(html.contains("保育所等におけるICTの活用"), "with the initiative's title");
        assertTrue(html.contains("data-rule-id=\"EVAL-RESULT-UNTRACED\""));
        assertTrue(html.contains("data-rule-id=\"EVAL-INITIATIVE-UNREPORTED\""));
        assertTrue(html.contains("保存されていません"));
    }

    @Test
    void storingShowsTheStoredVersionAndABadFileIsRefusedNamingTheField() throws Exception {
        String[] setUp = storedPlanAndEvaluation();
        Session session = login(setUp[0]);
        HttpResponse<String> stored = upload(session, "評価.yaml", setUp[1], "store");
        assertEquals(303, stored.code(), stored.body());
        String location = stored.getHeaders().get("Location");
        assertTrue(location.matches("/evaluations/ev-page-[^/]+/versions/1\\?stored"), location);
        HttpResponse<String> page = exchange(HttpRequest.GET(location).cookie(session.login).cookie(session.csrf));
        assertEquals(200, page.code(), page.body());
        assertTrue(page.body().contains("第1版として保存しました。"));
        assertEquals(33, count(page.body(), "class=\"result "));

        HttpResponse<String> bad = upload(session, "評価.yaml", setUp[1].replace("fiscalYear: 2024", "fiscalYear: \"2024\""), "check");
        assertEquals(400, bad.code());
        assertTrue(bad.body().contains("fiscalYear: 整数で指定してください"), bad.body());
        HttpResponse<String> noPlan = upload(session, "評価.yaml", setUp[1].replaceFirst("\nplanId: [^\n]+\n", "\nplanId: no-such-plan\n"), "check");
        assertEquals(422, noPlan.code());
        assertTrue(noPlan.body().contains("planId: 計画「no-such-plan」は組織「hiratsuka」に登録されていません"), noPlan.body());
    }

    @Test
    void anOfficerSeesNoEvaluationLinkAndIsRefused() {
        String officer = TestUsers.officer(context, "eval-page-officer", "市民課");
        HttpResponse<String> login = exchange(HttpRequest.POST("/login", Map.of("username", officer, "password", TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        Cookie jwt = login.getCookie("JWT").orElseThrow();
        HttpResponse<String> home = exchange(HttpRequest.GET("/").cookie(jwt));
        assertFalse(home.body().contains("href=\"/evaluations\""));
        assertEquals(403, exchange(HttpRequest.GET("/evaluations").cookie(jwt)).code());
    }

    /** A plan editor's home leads to its pages (plans, evaluations), not to the API. */
    @Test
    void thePlanEditorsHomeListsItsPages() {
        Session session = login(TestUsers.editor(context));
        HttpResponse<String> home = exchange(HttpRequest.GET("/").cookie(session.login));
        assertEquals(200, home.code());
        String main = home.body().substring(home.body().indexOf("<h1>"));
        assertTrue(main.contains("<a href=\"/plans\">計画</a>"), main);
        assertTrue(main.contains("<a href=\"/evaluations\">評価</a>"), main);
        assertFalse(main.contains("API"), main);
        assertFalse(main.contains("href=\"/compliance\""), "only the pages its role opens: " + main);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
