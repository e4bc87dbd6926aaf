package jp.tenken.waiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import jp.tenken.text.JapaneseDates;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The waiver pages with a real login and CSRF token (CONTRACT §8): the 'waive' form stores through
 * the same service as the API and comes back to its page (never to another site); a refused form
 * answers 400 with the field's error and stores nothing; a form without the token is refused; the
 * list's revoke button revokes.
 */
@MicronautTest
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class WaiverPagesTest {

    @Test
    void aTargetIsShownUnderTheLabelsOfThePageLanguageAndAnUnlabelledKeyByItsName() {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("department", "保育課");
        target.put("fiscalYear", 2025);
        target.put("somethingNew", "x");
        assertEquals("課: 保育課、年度: 2025、somethingNew: x", WaiverPages.targetLabel(jp.tenken.engine.Language.JA, target));
        assertEquals("Department: 保育課, Fiscal year: 2025, somethingNew: x",
                WaiverPages.targetLabel(jp.tenken.engine.Language.EN, target));
    }

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Inject
    ObjectMapper json;

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    private record Session(Cookie login, Cookie csrf, String token) {
    }

    private Session login(String user) {
        HttpResponse<String> login = exchange(HttpRequest.POST("/login", Map.of("username", user, "password", TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        Cookie jwt = login.getCookie("JWT").orElseThrow(() -> new AssertionError("no login cookie " + login.code()));
        Cookie csrf = login.getCookie("tenken-csrf").orElseThrow(() -> new AssertionError("no CSRF cookie"));
        HttpResponse<String> page = exchange(HttpRequest.GET("/waivers").cookie(jwt).cookie(csrf));
        assertEquals(200, page.code(), page.body());
        assertTrue(page.body().contains("適用除外"), page.body());
        Matcher m = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), "the logout form's token");
        return new Session(jwt, csrf, m.group(1));
    }

    private HttpResponse<String> post(Session session, String path, Map<String, String> fields, boolean withToken) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        String uri = path;
        if (withToken) {
            body.put("csrfToken", session.token());
            uri = path + "?csrfToken=" + URLEncoder.encode(session.token(), StandardCharsets.UTF_8);
        }
        return exchange(HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .cookie(session.login()).cookie(session.csrf()));
    }

    private Map<String, String> form(String department, String reason, String returnTo) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("organization", "hiratsuka");
        fields.put("ruleId", "SI-EVIDENCE-MISSING");
        fields.put("target.department", department);
        fields.put("target.itemId", "ORG-01");
        fields.put("reason", reason);
        fields.put("expiresOn", JapaneseDates.today().plusDays(60).toString());
        fields.put("returnTo", returnTo);
        return fields;
    }

    private JsonNode waiversOf(String department) throws Exception {
        JsonNode all = json.readTree(Http.sendAs(client, TestUsers.AUDITOR, HttpRequest.GET("/api/v1/waivers?organization=hiratsuka")).body());
        com.fasterxml.jackson.databind.node.ArrayNode of = json.createArrayNode();
        all.forEach(w -> {
            if (department.equals(w.get("target").path("department").asText())) {
                of.add(w);
            }
        });
        return of;
    }

    @Test
    void theWaiveFormStoresAndComesBackAndTheListRevokes() throws Exception {
        Session session = login(TestUsers.auditor(context));
        String back = "/departments/" + URLEncoder.encode("博物館", StandardCharsets.UTF_8).replace("+", "%20");

        HttpResponse<String> refused = post(session, "/waivers", form("博物館", "", back), true);
        assertEquals(400, refused.code());
        assertTrue(refused.body().contains("理由: "), refused.body());
        assertEquals(0, waiversOf("博物館").size(), "nothing stored from a refused form");

        assertEquals(403, post(session, "/waivers", form("博物館", "理由あり", back), false).code(), "no CSRF token");
        assertEquals(0, waiversOf("博物館").size());

        HttpResponse<String> created = post(session, "/waivers", form("博物館", "展示替えまでの間", back), true);
        assertEquals(303, created.code(), created.body());
        assertEquals(back, created.getHeaders().get("Location"));
        JsonNode stored = waiversOf("博物館");
        assertEquals(1, stored.size());
        assertEquals(TestUsers.AUDITOR, stored.get(0).get("createdBy").asText());
        assertEquals("展示替えまでの間", stored.get(0).get("reason").asText());

        HttpResponse<String> elsewhere = post(session, "/waivers", form("美術館", "理由", "https://example.com/"), true);
        assertEquals(303, elsewhere.code());
        assertEquals("/waivers?created", elsewhere.getHeaders().get("Location"), "never back to another site");

        String id = stored.get(0).get("id").asText();
        HttpResponse<String> list = exchange(HttpRequest.GET("/waivers").cookie(session.login()).cookie(session.csrf()));
        assertTrue(list.body().contains("data-waiver-id=\"" + id + "\""), list.body());
        assertTrue(list.body().contains("有効期限") && list.body().contains("取り消す"), "Japanese by default");
        assertTrue(list.body().contains("課: 博物館、点検項目: ORG-01"), "the target under Japanese labels: " + list.body());
        HttpResponse<String> english = exchange(HttpRequest.GET("/waivers?lang=en").cookie(session.login()).cookie(session.csrf()));
        assertTrue(english.body().contains("Expires on") && english.body().contains("In force") && english.body().contains("Revoke"),
                english.body());
        HttpResponse<String> revoked = post(session, "/waivers/" + id + "/revocation", Map.of(), true);
        assertEquals(303, revoked.code(), revoked.body());
        assertEquals(TestUsers.AUDITOR, waiversOf("博物館").get(0).get("revokedBy").asText());
    }

    @Test
    void anOfficerMayNotOpenTheListNorPostTheForm() {
        String officer = TestUsers.officer(context, "waiver-form-officer", "博物館");
        HttpResponse<String> login = exchange(HttpRequest.POST("/login", Map.of("username", officer, "password", TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        Cookie jwt = login.getCookie("JWT").orElseThrow();
        Cookie csrf = login.getCookie("tenken-csrf").orElseThrow();
        assertEquals(403, exchange(HttpRequest.GET("/waivers").cookie(jwt).cookie(csrf)).code());
    }
}
