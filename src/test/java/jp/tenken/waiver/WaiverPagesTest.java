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
import jp.tenken.inspection.Submissions;
import jp.tenken.text.JapaneseDates;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The waiver pages with a real login and CSRF token (CONTRACT §8): the 'waive' form stores through
 * the same service as the API and comes back to its page (never to another site); a refused form
 * answers 400 with the field's error and stores nothing; a form without the token is refused; the
 * list's revoke button revokes. On a self-inspection, an audit and the coverage page the auditor's
 * form of a finding stores its waiver and the page shows the finding waived; the officer has no form.
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
        if (!user.equals(TestUsers.AUDITOR)) {
            return new Session(jwt, csrf, null); // the list is the auditor's: an officer has no token from it
        }
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
        // The form comes back as typed, to correct only what was refused.
        Map<String, String> past = form("博物館", "展示替えの休館中のため", back);
        past.put("expiresOn", JapaneseDates.today().minusDays(1).toString());
        HttpResponse<String> pastRefused = post(session, "/waivers", past, true);
        assertEquals(400, pastRefused.code());
        assertTrue(pastRefused.body().contains(">展示替えの休館中のため</textarea>"), pastRefused.body());
        assertTrue(pastRefused.body().contains("name=\"target.itemId\" value=\"ORG-01\""), pastRefused.body());
        assertTrue(pastRefused.body().contains("name=\"expiresOn\" data-field=\"waiver-expires\" required value=\"" + past.get("expiresOn") + "\""),
                pastRefused.body());
        assertEquals(0, waiversOf("博物館").size());

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

    // --- the 'waive' action on the other pages that show findings (docs/waivers.md "Pages") ---

    private static final int YEAR = 2023;

    private String page(Session session, String path) {
        HttpResponse<String> page = exchange(HttpRequest.GET(path).cookie(session.login()).cookie(session.csrf()));
        assertEquals(200, page.code(), path + ": " + page.body());
        return page.body();
    }

    /** The one finding of the rule on the page whose text has the marker: its {@code <li>} with all it holds. */
    private static String finding(String page, String ruleId, String marker) {
        Matcher m = Pattern.compile("<li data-rule-id=\"" + Pattern.quote(ruleId) + "\" data-waived=\"(?:true|false)\">.*?</li>",
                Pattern.DOTALL).matcher(page);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            if (m.group().contains(marker)) {
                found.add(m.group());
            }
        }
        assertEquals(1, found.size(), ruleId + " " + marker + " in " + page);
        return found.get(0);
    }

    /** The hidden fields of the finding's 'waive' form: what the page sends for it. */
    private static Map<String, String> hiddenFields(String finding) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(finding);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        return fields;
    }

    /**
     * The auditor opens the page, sends the 'waive' form of one finding as the page has it (its
     * hidden fields, a reason and an expiry), comes back to the page, and finds the finding shown as
     * waived there, without the form; the waiver is stored with the finding's target. Answers the target.
     */
    private JsonNode waiveOnThePage(Session auditor, String path, String ruleId, String marker, String reason) throws Exception {
        String before = finding(page(auditor, path), ruleId, marker);
        assertTrue(before.contains("data-waived=\"false\"") && before.contains("data-action=\"waive-form\""), before);
        Map<String, String> fields = hiddenFields(before);
        assertEquals(ruleId, fields.get("ruleId"), before);
        assertEquals(path, fields.get("returnTo"), before);
        fields.put("reason", reason);
        fields.put("expiresOn", JapaneseDates.today().plusDays(60).toString());

        HttpResponse<String> created = post(auditor, "/waivers", fields, true);
        assertEquals(303, created.code(), created.body());
        assertEquals(path, created.getHeaders().get("Location"));

        String after = finding(page(auditor, path), ruleId, marker);
        assertTrue(after.contains("data-waived=\"true\"") && after.contains(reason)
                && after.contains(JapaneseDates.date(JapaneseDates.today().plusDays(60))), after);
        assertFalse(after.contains("waive-form"), "a waived finding has no form: " + after);

        JsonNode all = json.readTree(Http.sendAs(client, TestUsers.AUDITOR, HttpRequest.GET("/api/v1/waivers?organization=hiratsuka")).body());
        JsonNode stored = null;
        for (JsonNode w : all) {
            if (reason.equals(w.get("reason").asText())) {
                assertNull(stored, "stored once: " + all);
                stored = w;
            }
        }
        assertNotNull(stored, "stored: " + all);
        assertEquals(ruleId, stored.get("ruleId").asText());
        assertEquals(TestUsers.AUDITOR, stored.get("createdBy").asText());
        JsonNode target = stored.get("target");
        fields.forEach((name, value) -> {
            if (name.startsWith("target.")) {
                assertEquals(value, target.path(name.substring("target.".length())).asText(), name + " in " + target);
            }
        });
        return target;
    }

    /** An officer of the department sees the same finding on the page, and no 'waive' form anywhere on it. */
    private void anOfficerSeesNoWaiveForm(String officer, String path, String ruleId, String marker) {
        String page = page(login(officer), path);
        finding(page, ruleId, marker);
        assertFalse(page.contains("waive-form") || page.contains("適用除外を登録"), path + ": " + page);
    }

    private byte[] bodyOf(Object body) throws Exception {
        return json.writeValueAsBytes(body);
    }

    @Test
    void anAuditorWaivesAFindingOfASubmittedSelfInspectionOnItsPage() throws Exception {
        Http.Answer submitted = Http.sendAs(client, TestUsers.ADMIN, HttpRequest.POST("/api/v1/inspections",
                bodyOf(Submissions.nonCompliant("健康課", YEAR))).contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, submitted.status(), submitted.body());
        String path = "/inspections/" + json.readTree(submitted.body()).get("id").asText();
        String officer = TestUsers.officer(context, "waive-page-kenko", "健康課");
        anOfficerSeesNoWaiveForm(officer, path, "SI-REMEDIATION-MISSING", "項目PHY-02");

        JsonNode target = waiveOnThePage(login(TestUsers.auditor(context)), path, "SI-REMEDIATION-MISSING", "項目PHY-02",
                "施錠キャビネットは来年度の改修で導入する");
        assertEquals("健康課", target.get("department").asText(), "read with the inspection's department");
        assertEquals("PHY-02", target.get("itemId").asText());
        anOfficerSeesNoWaiveForm(officer, path, "SI-REMEDIATION-MISSING", "項目PHY-02");
    }

    @Test
    void anAuditorWaivesAFindingOfAnAuditOnItsPage() throws Exception {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("organization", "hiratsuka");
        audit.put("department", "交通政策課");
        audit.put("fiscalYear", YEAR);
        audit.put("auditedOn", YEAR + "-11-20");
        audit.put("auditors", List.of(Map.of("name", "監査員A", "department", "デジタル推進課")));
        audit.put("findings", List.of(Map.of("id", "F1", "itemId", "PHY-02", "severity", "HIGH", "description", "未施錠")));
        Http.Answer recorded = Http.sendAs(client, TestUsers.auditor(context), HttpRequest.POST("/api/v1/audits", bodyOf(audit))
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, recorded.status(), recorded.body());
        String path = "/audits/" + json.readTree(recorded.body()).get("id").asText();
        String officer = TestUsers.officer(context, "waive-page-kotsu", "交通政策課");
        anOfficerSeesNoWaiveForm(officer, path, "AUDIT-ACTION-MISSING", "監査指摘F1");

        JsonNode target = waiveOnThePage(login(TestUsers.AUDITOR), path, "AUDIT-ACTION-MISSING", "監査指摘F1",
                "是正措置は来月の課内会議で決める");
        assertEquals("交通政策課", target.get("department").asText(), "read with the audit's department");
        anOfficerSeesNoWaiveForm(officer, path, "AUDIT-ACTION-MISSING", "監査指摘F1");
    }

    @Test
    void anAuditorWaivesACoverageFindingOnTheCoveragePage() throws Exception {
        String path = "/audits/coverage?fiscalYear=" + YEAR + "&organization=hiratsuka";
        TestUsers.auditor(context);
        String officer = TestUsers.officer(context, "waive-page-library", "中央図書館");
        anOfficerSeesNoWaiveForm(officer, path, "AUDIT-ROTATION-OVERDUE", "中央図書館: ");

        JsonNode target = waiveOnThePage(login(TestUsers.AUDITOR), path, "AUDIT-ROTATION-OVERDUE", "中央図書館: ",
                "新館への移転後に監査する");
        assertEquals("中央図書館", target.get("department").asText(), "the finding's own target");
        anOfficerSeesNoWaiveForm(officer, path, "AUDIT-ROTATION-OVERDUE", "中央図書館: ");
    }
}
