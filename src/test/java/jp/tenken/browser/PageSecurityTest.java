package jp.tenken.browser;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.inspection.InspectionDraftService;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tenken.api.Http;
import jp.tenken.inspection.Submissions;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 point 7 over HTTP, as a browser would send it (a login through the form, its cookies,
 * the token the pages hand out): the pages obey CONTRACT §7 as the API does, every write form
 * carries a CSRF token, output is escaped, the cookies are HttpOnly and SameSite=Strict, and
 * refusals and unknown addresses are Japanese pages without a stack trace. That no such script runs in a
 * browser is checked in {@link OfficerJourneyBrowserTest}.
 */
@MicronautTest
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class PageSecurityTest {

    /** What Chromium sends for a page or a form post. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN_FIELD = Pattern.compile(
            "<input type=\"hidden\" name=\"csrfToken\" value=\"([^\"]+)\">");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Inject
    InspectionDraftService drafts;

    @Inject
    ObjectMapper json;

    /** A page's answer: status, headers that matter here, body. */
    record Page(int status, String location, List<String> setCookies, String contentType, String body) {
    }

    /** A browser's cookies for one user, after logging in through the login form. */
    final class Session {
        final Map<String, String> cookies = new LinkedHashMap<>();
        final List<String> setCookieHeaders = new ArrayList<>();

        Page get(String path) {
            return send(HttpRequest.GET(path).header(HttpHeaders.ACCEPT, BROWSER_ACCEPT));
        }

        Page post(String path, String formBody) {
            return send(HttpRequest.POST(path, formBody).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                    .header(HttpHeaders.ACCEPT, BROWSER_ACCEPT));
        }

        Page send(MutableHttpRequest<?> request) {
            if (!cookies.isEmpty()) {
                request.header(HttpHeaders.COOKIE, cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
            }
            Page page = exchange(request);
            for (String header : page.setCookies()) {
                setCookieHeaders.add(header);
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return page;
        }

        /** The CSRF token of the page's forms (the hidden field). */
        String token(Page page) {
            Matcher m = TOKEN_FIELD.matcher(page.body());
            assertTrue(m.find(), "a csrfToken field on the page");
            return m.group(1);
        }
    }

    private Page exchange(MutableHttpRequest<?> request) {
        HttpResponse<String> response;
        try {
            response = client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> r = (HttpResponse<String>) e.getResponse();
            return new Page(r.code(), r.getHeaders().get(HttpHeaders.LOCATION), r.getHeaders().getAll(HttpHeaders.SET_COOKIE),
                    r.getHeaders().get(HttpHeaders.CONTENT_TYPE), e.getResponse().getBody(String.class).orElse(""));
        }
        return new Page(response.code(), response.getHeaders().get(HttpHeaders.LOCATION),
                response.getHeaders().getAll(HttpHeaders.SET_COOKIE), response.getHeaders().get(HttpHeaders.CONTENT_TYPE),
                response.getBody().orElse(""));
    }

    private Session logIn(String username) {
        Session session = new Session();
        Page login = session.post("/login", "username=" + enc(username) + "&password=" + enc(TestUsers.PASSWORD));
        assertEquals(303, login.status(), "the login form's redirect: " + login);
        assertEquals("/", login.location());
        assertTrue(session.cookies.containsKey("JWT"), "a login cookie: " + login.setCookies());
        return session;
    }

    /** Submits through the API as the first admin; answers the stored inspection's id. */
    private String submit(Map<String, Object> submission) {
        Http.Answer answer = Http.sendAsAdmin(client, HttpRequest.POST("/api/v1/inspections", submission));
        assertEquals(201, answer.status(), answer.body());
        try {
            return json.readTree(answer.body()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String form(String department, int fiscalYear) {
        return "/inspections/form?department=" + enc(department) + "&fiscalYear=" + fiscalYear;
    }

    private static void assertJapaneseErrorPage(Page page, int status) {
        assertEquals(status, page.status(), page.body());
        assertTrue(page.contentType() != null && page.contentType().startsWith("text/html"), "HTML: " + page);
        assertTrue(page.body().contains("<html lang=\"ja\""), page.body());
        assertTrue(page.body().contains("data-error-status=\"" + status + "\""), page.body());
        OfficerJourneyBrowserTest.assertNoStackTrace(page.body());
        assertFalse(page.body().contains("\"code\":"), "not the API's JSON");
    }

    @Test
    void everyWriteFormOnThePagesCarriesItsCsrfToken() {
        String officer = TestUsers.officer(context, "sec-forms", "市民課");
        Session session = logIn(officer);
        String id = submit(Submissions.compliant("市民課", 2024));

        int forms = 0;
        for (String path : List.of("/", form("市民課", 2025), "/inspections/" + id, "/password")) {
            Page page = session.get(path);
            assertEquals(200, page.status(), path);
            Matcher m = FORM.matcher(page.body());
            while (m.find()) {
                String attributes = m.group(1);
                if (!attributes.toLowerCase().contains("method=\"post\"")) {
                    continue;
                }
                forms++;
                String token = session.token(new Page(200, null, List.of(), null, m.group(2)));
                assertTrue(attributes.contains("csrfToken=" + token), path + ": the action carries the token too: " + attributes);
                assertEquals(session.cookies.get("tenken-csrf"), token, "the token is the tenken-csrf cookie's");
            }
        }
        // Logout on each page (4) + the self-inspection form and its workbook upload + the read-only
        // submission + the password form.
        assertEquals(8, forms, "write forms found");
        // The login form has none (its fields are the contract's); its Origin is checked instead.
        Page login = new Session().get("/login");
        assertFalse(login.body().contains("csrfToken"), "the login form: no token");
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefusedAndFromThisOneOrWithoutOriginAccepted() {
        String officer = TestUsers.officer(context, "sec-login-origin", "市民課");
        String fields = "username=" + enc(officer) + "&password=" + enc(TestUsers.PASSWORD);
        // The service as an intranet would name it (Micronaut itself already answers an empty 403 to
        // a foreign Origin posting to a localhost address, before any filter of ours).
        String serviceHost = "tenken.example:8080";
        for (String foreign : List.of("https://evil.example", "null", "http://tenken.example:9090",
                "http://tenken.example:8080.evil.example", "https://tenken.example:8080x")) {
            Session session = new Session();
            Page refused = session.send(HttpRequest.POST("/login", fields).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                    .header(HttpHeaders.ACCEPT, BROWSER_ACCEPT).header(HttpHeaders.HOST, serviceHost)
                    .header(HttpHeaders.ORIGIN, foreign));
            assertJapaneseErrorPage(refused, 403);
            assertFalse(session.cookies.containsKey("JWT"), foreign + ": no login cookie");
        }
        Session referred = new Session();
        assertJapaneseErrorPage(referred.send(HttpRequest.POST("/login", fields).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header(HttpHeaders.ACCEPT, BROWSER_ACCEPT).header(HttpHeaders.HOST, serviceHost)
                .header(HttpHeaders.REFERER, "https://evil.example/login")), 403);

        // The service's own page: Origin is the address the browser sent the post to.
        Session own = new Session();
        Page accepted = own.send(HttpRequest.POST("/login", fields).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header(HttpHeaders.ACCEPT, BROWSER_ACCEPT).header(HttpHeaders.HOST, serviceHost)
                .header(HttpHeaders.ORIGIN, "http://tenken.example:8080"));
        assertEquals(303, accepted.status(), accepted.toString());
        assertTrue(own.cookies.containsKey("JWT"));
        // A client that sends no Origin (a script posting the contract's two fields) logs in as before.
        logIn(officer);
    }

    @Test
    void aFormPostWithoutOrWithAWrongTokenIsAJapanese403AndStoresNothing() {
        String officer = TestUsers.officer(context, "sec-csrf", "市民課");
        Session session = logIn(officer);
        String token = session.token(session.get(form("市民課", 2023)));
        String fields = "department=" + enc("市民課") + "&fiscalYear=2023&answer.ORG-01=YES&intent=save-draft";

        assertJapaneseErrorPage(session.post("/inspections/form", fields), 403);
        assertJapaneseErrorPage(session.post("/inspections/form?csrfToken=forged", fields + "&csrfToken=forged"), 403);
        assertJapaneseErrorPage(session.post("/password", "currentPassword=x&newPassword=y"), 403);
        assertTrue(drafts.find(TestUsers.adminCaller(), TestUsers.ORGANIZATION, "市民課", 2023).isEmpty(), "no draft stored");

        // With the token, the same post is saved.
        Page saved = session.post("/inspections/form?csrfToken=" + enc(token), fields + "&csrfToken=" + enc(token));
        assertEquals(303, saved.status(), saved.body());
        assertTrue(drafts.find(TestUsers.adminCaller(), TestUsers.ORGANIZATION, "市民課", 2023).isPresent());
    }

    @Test
    void aScriptTypedAsARemediationIsShownAsText() {
        String officer = TestUsers.officer(context, "sec-escape", "市民課");
        Session session = logIn(officer);
        String token = session.token(session.get(form("市民課", 2022)));
        Page saved = session.post("/inspections/form?csrfToken=" + enc(token), "department=" + enc("市民課")
                + "&fiscalYear=2022&answer.PHY-02=NO&action.PHY-02=" + enc(SCRIPT) + "&evidence.PHY-02=" + enc("\"><b>x</b>")
                + "&due.PHY-02=2026-03-31&intent=save-draft&csrfToken=" + enc(token));
        assertEquals(303, saved.status(), saved.body());

        String html = session.get(form("市民課", 2022)).body();
        assertTrue(html.contains(ESCAPED), "the draft's remediation escaped");
        assertFalse(html.contains(SCRIPT), "never as markup");
        assertTrue(html.contains("&quot;&gt;&lt;b&gt;x&lt;/b&gt;"), "the evidence escaped");

        // A submission with it: the read-only page and the findings.
        String id = submit(Submissions.submission("市民課", 2022,
                item -> item.equals("PHY-02") ? Map.of("answer", "NO", "remediation", Map.of("action", SCRIPT, "dueDate", "2026-03-31"))
                        : null));
        String shown = session.get("/inspections/" + id).body();
        assertTrue(shown.contains(ESCAPED));
        assertFalse(shown.contains(SCRIPT));
    }

    @Test
    void theWholeFormAsABrowserPostsItIsSavedLongTextsIncluded() {
        Session session = logIn(TestUsers.officer(context, "sec-whole", "市民課"));
        String token = session.token(session.get(form("市民課", 2021)));
        // Every control, as the browser sends them (empty ones too), and a textarea at its maxlength.
        String longText = "改".repeat(20_000);
        StringBuilder body = new StringBuilder("csrfToken=" + enc(token) + "&department=" + enc("市民課") + "&fiscalYear=2021");
        Submissions.CHECKLIST.items().forEach(item -> body.append("&answer.").append(item.id()).append("=NO")
                .append("&value.").append(item.id()).append('=')
                .append("&evidence.").append(item.id()).append('=')
                .append("&action.").append(item.id()).append('=').append(item.id().equals("PHY-02") ? enc(longText) : "x")
                .append("&due.").append(item.id()).append("=2026-03-31"));
        body.append("&intent=save-draft");

        Page saved = session.post("/inspections/form?csrfToken=" + enc(token), body.toString());

        assertEquals(303, saved.status(), saved.body());
        var draft = drafts.find(TestUsers.adminCaller(), TestUsers.ORGANIZATION, "市民課", 2021).orElseThrow();
        assertEquals(Submissions.CHECKLIST.items().size(), draft.answers().size());
        assertEquals(longText, draft.answers().stream().filter(a -> a.itemId().equals("PHY-02")).findFirst().orElseThrow()
                .remediationAction());
    }

    @Test
    void theCookiesAreHttpOnlyAndSameSiteStrict() {
        Session session = logIn(TestUsers.officer(context, "sec-cookies", "市民課"));
        session.get("/");
        session.get(form("市民課", 2025));
        Set<String> names = session.setCookieHeaders.stream().map(h -> h.split("=", 2)[0].trim()).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("JWT", "tenken-csrf")), "cookies set: " + session.setCookieHeaders);
        for (String header : session.setCookieHeaders) {
            String lower = header.toLowerCase();
            assertTrue(lower.contains("httponly"), "HttpOnly: " + header);
            assertTrue(lower.contains("samesite=strict"), "SameSite=Strict: " + header);
        }
    }

    @Test
    void aPageWithoutALoginSendsTheBrowserToTheLoginPage() {
        Session anonymous = new Session();
        for (String path : List.of("/", form("市民課", 2025), "/password", "/inspections/some-id", "/no-such-page")) {
            Page page = anonymous.get(path);
            assertTrue(page.status() == 303 || page.status() == 302, path + ": " + page.status());
            assertEquals("/login", page.location(), path);
        }
        assertEquals(200, anonymous.get("/login").status());
    }

    @Test
    void anAuditorOrAPlanEditorOpeningTheOfficersFormGetsA403Page() {
        for (String user : List.of(TestUsers.auditor(context), TestUsers.editor(context))) {
            Session session = logIn(user);
            Page page = session.get(form("市民課", 2025));
            assertJapaneseErrorPage(page, 403);
            assertTrue(page.body().contains("この操作は許可されていません"), page.body());
            assertEquals(200, session.get("/").status(), "their own home opens");
        }
    }

    @Test
    void anUnknownPageIsAJapanese404WithoutAStackTrace() {
        Session session = logIn(TestUsers.officer(context, "sec-404", "市民課"));
        Page page = session.get("/no-such-page");
        assertJapaneseErrorPage(page, 404);
        assertTrue(page.body().contains("ページが見つかりません"), page.body());
        assertJapaneseErrorPage(session.get("/inspections/no-such-inspection"), 404);
    }

    @Test
    void anUnknownDepartmentIsAClearJapaneseMessage() {
        Session session = logIn(TestUsers.officer(context, "sec-unknown", "市民課"));
        Page page = session.get(form("存在しない課", 2025));
        assertTrue(page.status() >= 400 && page.status() < 500, page.status() + " " + page.body());
        assertJapaneseErrorPage(page, page.status());
        assertTrue(page.body().contains("存在しない課"), "names the department: " + page.body());
        assertTrue(page.body().contains("組織名簿にありません"), page.body());
    }
}
