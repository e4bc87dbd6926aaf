package jp.tenken.inspection;

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
import jp.tenken.TestUsers;
import jp.tenken.spreadsheet.Xlsx;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The officer's form page (CONTRACT §8): its link downloads the workbook with the login cookie,
 * and its upload form (multipart, the CSRF token in the action's query and a hidden field) submits
 * the filled workbook as the API does, showing the status and findings, or each problem by cell.
 */
@MicronautTest
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class InspectionUploadPageTest {

    private static final String FORM = "/inspections/form?department=" + URLEncoder.encode("市民課", StandardCharsets.UTF_8)
            + "&fiscalYear=2025";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse();
        }
    }

    /** The login cookie, the CSRF cookie and the form page's token. */
    private record Session(Cookie login, Cookie csrf, String token, String page) {
    }

    private Session login(String user) {
        HttpResponse<String> login = exchange(HttpRequest.POST("/login", Map.of("username", user, "password", TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        Cookie jwt = login.getCookie("JWT").orElseThrow(() -> new AssertionError("no login cookie " + login.code()));
        // The login answer sets the CSRF cookie too; the page puts its token in the forms.
        Cookie csrf = login.getCookie("tenken-csrf").orElseThrow(() -> new AssertionError("no CSRF cookie"));
        HttpResponse<String> form = exchange(HttpRequest.GET(FORM).cookie(jwt).cookie(csrf));
        assertEquals(200, form.code(), form.body());
        Matcher m = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(m.find(), "the form's token");
        return new Session(jwt, csrf, m.group(1), form.body());
    }

    private HttpResponse<String> upload(Session session, byte[] workbook) {
        MultipartBody body = MultipartBody.builder()
                .addPart("csrfToken", session.token)
                .addPart("department", "市民課")
                .addPart("fiscalYear", "2025")
                .addPart("workbook", "自己点検.xlsx", MediaType.of(Xlsx.MEDIA_TYPE), workbook)
                .build();
        return exchange(HttpRequest.POST("/inspections/upload?csrfToken=" + URLEncoder.encode(session.token, StandardCharsets.UTF_8), body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).cookie(session.login).cookie(session.csrf));
    }

    @Test
    void theLinkDownloadsTheWorkbookAndTheUploadShowsStatusAndFindings() throws Exception {
        String officer = TestUsers.officer(context, "officer-upload-page", "市民課");
        Session session = login(officer);
        assertTrue(session.page.contains("Excelで記入する"), "the link");
        Matcher href = Pattern.compile("href=\"(/api/v1/templates/inspection\\.xlsx[^\"]*)\"").matcher(session.page);
        assertTrue(href.find());
        HttpResponse<byte[]> template = client.toBlocking().exchange(
                HttpRequest.GET(href.group(1).replace("&amp;", "&")).cookie(session.login), byte[].class);
        assertEquals(200, template.code());
        assertEquals("市民課", Workbooks.sheet(Workbooks.open(template.body())).getRow(2).getCell(1).getStringCellValue());

        HttpResponse<String> result = upload(session, InspectionWorkbookTest.filledExample(client, officer));
        assertEquals(200, result.code(), result.body());
        assertTrue(result.body().contains("Excelの点検票を提出しました。"), result.body());
        assertTrue(result.body().contains("data-status=\"NON_COMPLIANT\""), "the status as the JSON submission has it");
        assertTrue(result.body().contains("data-rule-id=\"SI-THRESHOLD\""), "the findings");
    }

    @Test
    void aCellProblemIsShownByItsCellAndAMissingTokenIsRefused() throws Exception {
        String officer = TestUsers.officer(context, "officer-upload-errors", "市民課");
        Session session = login(officer);
        XSSFWorkbook workbook = Workbooks.open(InspectionWorkbookTest.filledExample(client, officer));
        XSSFSheet sheet = Workbooks.sheet(workbook);
        int row = Workbooks.rowOf(sheet, "ORG-01");
        Workbooks.set(sheet, "E" + row, "たぶん");
        HttpResponse<String> result = upload(session, Workbooks.bytes(workbook));
        assertEquals(400, result.code());
        assertTrue(result.body().contains("点検票!E" + row + ": 回答は「はい」「一部」「いいえ」「該当なし」のいずれかを選んでください"), result.body());

        HttpResponse<String> notAWorkbook = upload(session, "no".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notAWorkbook.code());
        assertTrue(notAWorkbook.body().contains("Excelブック(.xlsx)ではありません"));

        Session forged = new Session(session.login, session.csrf, "forged-token", session.page);
        assertEquals(403, upload(forged, Workbooks.bytes(Workbooks.open(InspectionWorkbookTest.filledExample(client, officer)))).code());
    }
}
