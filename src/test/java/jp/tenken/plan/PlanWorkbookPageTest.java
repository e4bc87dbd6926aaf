package jp.tenken.plan;

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
import jakarta.inject.Inject;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.spreadsheet.Xlsx;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan editor's page takes the plan workbook as it takes JSON and YAML (CONTRACT §8): checked,
 * stored as the next version, a bad cell shown by its address; the page links the empty workbook,
 * and the versions page each version's workbook.
 */
@MicronautTest
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class PlanWorkbookPageTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @SuppressWarnings("unchecked")
    private <T> HttpResponse<T> exchange(MutableHttpRequest<?> request, Class<T> type) {
        try {
            return client.toBlocking().exchange(request, type);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<T>) e.getResponse();
        }
    }

    private record Session(Cookie login, Cookie csrf, String token, String page) {
    }

    private Session login(String user) {
        HttpResponse<String> login = exchange(HttpRequest.POST("/login", Map.of("username", user, "password", TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        Cookie jwt = login.getCookie("JWT").orElseThrow(() -> new AssertionError("no login cookie " + login.code()));
        Cookie csrf = login.getCookie("tenken-csrf").orElseThrow(() -> new AssertionError("no CSRF cookie"));
        HttpResponse<String> page = exchange(HttpRequest.GET("/plans").cookie(jwt).cookie(csrf), String.class);
        assertEquals(200, page.code(), page.body());
        Matcher m = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), "the form's token");
        return new Session(jwt, csrf, m.group(1), page.body());
    }

    private HttpResponse<String> upload(Session session, String fileName, byte[] workbook, String intent) {
        MultipartBody body = MultipartBody.builder()
                .addPart("csrfToken", session.token)
                .addPart("intent", intent)
                .addPart("file", fileName, MediaType.of(Xlsx.MEDIA_TYPE), workbook)
                .build();
        return exchange(HttpRequest.POST("/plans?csrfToken=" + URLEncoder.encode(session.token, StandardCharsets.UTF_8), body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).cookie(session.login).cookie(session.csrf), String.class);
    }

    private HttpResponse<String> get(Session session, String path) {
        return exchange(HttpRequest.GET(path).cookie(session.login), String.class);
    }

    @Test
    void theWorkbookIsCheckedAndStoredFromThePageAndEachVersionDownloads() throws Exception {
        Session session = login(TestUsers.editor(context));
        assertTrue(session.page.contains("href=\"/api/v1/templates/plan.xlsx\""), "the template's link");
        HttpResponse<byte[]> template = exchange(HttpRequest.GET("/api/v1/templates/plan.xlsx").cookie(session.login), byte[].class);
        assertEquals(200, template.code());

        byte[] workbook = PlanWorkbooks.export(Fixtures.DX_PLAN);
        HttpResponse<String> checked = upload(session, "アクションプラン.xlsx", workbook, "check");
        assertEquals(303, checked.code(), checked.body());
        String findings = get(session, checked.header("Location")).body();
        assertTrue(findings.contains("data-rule-id=\"PLAN-"), "the findings of the workbook");

        HttpResponse<String> stored = upload(session, "アクションプラン.xlsx", workbook, "store");
        assertEquals(303, stored.code(), stored.body());
        assertTrue(stored.header("Location").startsWith("/plans/hiratsuka-dx-action-plan/versions/"), stored.header("Location"));
        String versions = get(session, "/plans/hiratsuka-dx-action-plan").body();
        Matcher link = Pattern.compile("href=\"(/api/v1/plans/hiratsuka-dx-action-plan/versions/\\d+\\?format=xlsx)\"").matcher(versions);
        assertTrue(link.find(), versions);
        HttpResponse<byte[]> download = exchange(HttpRequest.GET(link.group(1)).cookie(session.login), byte[].class);
        assertEquals(200, download.code());
        assertEquals(Xlsx.MEDIA_TYPE, download.getContentType().orElseThrow().toString());
    }

    @Test
    void aBadCellIsShownByItsAddress() throws Exception {
        Session session = login(TestUsers.editor(context));
        byte[] bad = PlanWorkbooks.edited(PlanWorkbooks.export(Fixtures.DX_PLAN), book -> PlanWorkbooks.set(book, "取組一覧!A3", "二"));
        HttpResponse<String> refused = upload(session, "plan.xlsx", bad, "check");
        assertEquals(400, refused.code());
        assertTrue(refused.body().contains("取組一覧!A3: 整数で指定してください"), refused.body());
        HttpResponse<String> csv = upload(session, "plan.csv", bad, "check");
        assertEquals(400, csv.code());
        assertTrue(csv.body().contains(".xlsx"), "the refusal names the file types taken");
    }
}
