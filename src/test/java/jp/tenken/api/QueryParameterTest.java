package jp.tenken.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bad path or query parameter is a 400 that names it, on every endpoint, in the contract's error
 * shape. The reads are an auditor's (who may read plans, inspections, audits and the reports), the
 * plan check a plan editor's.
 */
@MicronautTest
class QueryParameterTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String auditor;
    private String editor;

    @BeforeEach
    void createUsers() {
        auditor = TestUsers.auditor(context);
        editor = TestUsers.editor(context);
    }

    /** URI to the parameter the answer must name and the Japanese message it must give. */
    static final Map<String, String[]> BAD = Map.ofEntries(
            Map.entry("/api/v1/plans/p/versions/abc", new String[]{"version", "整数で指定してください"}),
            Map.entry("/api/v1/plans/p/versions/99999999999999999999", new String[]{"version", "値が大きすぎるか小さすぎます"}),
            Map.entry("/api/v1/inspections?organization=hiratsuka%20&fiscalYear=1999", new String[]{"fiscalYear", "2000〜2100の年度で指定してください"}),
            Map.entry("/api/v1/inspections?organization=hiratsuka&fiscalYear=abc", new String[]{"fiscalYear", "整数で指定してください"}),
            Map.entry("/api/v1/inspections?fiscalYear=2025", new String[]{"organization", "必須のパラメータです"}),
            Map.entry("/api/v1/inspections?organization=hiratsuka&fiscalYear=-1", new String[]{"fiscalYear", "2000〜2100の年度で指定してください"}),
            Map.entry("/api/v1/audits/coverage?organization=hiratsuka&fiscalYear=-5", new String[]{"fiscalYear", "2000〜2100の年度で指定してください"}),
            Map.entry("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=99999", new String[]{"fiscalYear", "2000〜2100の年度で指定してください"}),
            Map.entry("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025&format=xml", new String[]{"format", "次のいずれかを指定してください: json, csv, xlsx, pdf"}),
            // Full-width digits (２０２５) and a sign are no year as the contract writes one.
            Map.entry("/api/v1/inspections?organization=hiratsuka&fiscalYear=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%95", new String[]{"fiscalYear", "整数で指定してください"}),
            Map.entry("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=%2B2025", new String[]{"fiscalYear", "整数で指定してください"}),
            // An as-of date is YYYY-MM-DD in the years records are kept for.
            Map.entry("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025&asOf=0001-01-01", new String[]{"asOf", "2000〜2100年の日付で指定してください"}),
            Map.entry("/api/v1/audits?organization=hiratsuka&asOf=2101-01-01", new String[]{"asOf", "2000〜2100年の日付で指定してください"}),
            Map.entry("/api/v1/audits/coverage?organization=hiratsuka&fiscalYear=2025&asOf=%2B12025-01-01", new String[]{"asOf", "日付を YYYY-MM-DD の形式で指定してください"}),
            Map.entry("/api/v1/audits?organization=hiratsuka&asOf=-2025-01-01", new String[]{"asOf", "日付を YYYY-MM-DD の形式で指定してください"}));

    @Test
    void aBadParameterIs400NamingIt() throws Exception {
        for (Map.Entry<String, String[]> bad : BAD.entrySet()) {
            Http.Answer answer = Http.sendAs(client, auditor, HttpRequest.GET(bad.getKey()));
            assertEquals(400, answer.status(), bad.getKey() + " " + answer.body());
            JsonNode violation = json.readTree(answer.body()).get("violations").get(0);
            assertEquals(bad.getValue()[0], violation.get("path").asText(), bad.getKey());
            assertEquals(bad.getValue()[1], violation.get("message").asText(), bad.getKey());
        }
    }

    @Test
    void aBadParameterIsNamedInEnglishToo() throws Exception {
        Http.Answer answer = Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/audits?organization=hiratsuka&asOf=0001-01-01")
                .header("Accept-Language", "en"));
        assertEquals(400, answer.status(), answer.body());
        JsonNode violation = json.readTree(answer.body()).get("violations").get(0);
        assertEquals("asOf", violation.get("path").asText());
        assertEquals("must be a date in the years 2000 to 2100", violation.get("message").asText());
    }

    @Test
    void aGoodOneStillAnswers() {
        assertEquals(200, Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/inspections?organization=hiratsuka&fiscalYear=2025&department=")).status());
        assertEquals(200, Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/inspections?organization=%20hiratsuka%20&fiscalYear=2025")).status());
        assertEquals(200, Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025&format=json")).status());
        assertEquals(200, Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/audits?organization=hiratsuka&asOf=2100-12-31")).status());
        assertEquals(200, Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/audits/coverage?organization=hiratsuka&fiscalYear=2000&asOf=2000-01-01")).status());
    }

    @Test
    void anAnswerFormatTheServiceCannotGiveIs406InJapanese() throws Exception {
        Http.Answer answer = Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans/check", Fixtures.SMALL_PLAN)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_XML));
        assertEquals(406, answer.status(), answer.body());
        assertEquals("not_acceptable", json.readTree(answer.body()).get("code").asText());
    }
}
