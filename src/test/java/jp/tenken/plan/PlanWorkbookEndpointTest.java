package jp.tenken.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.account.Role;
import jp.tenken.api.Http;
import jp.tenken.spreadsheet.Xlsx;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan workbook over HTTP (CONTRACT §9): each of the city's plans stored, exported as a
 * workbook and sent back gives exactly the findings it gave; the empty template filled in is a
 * plan; bad cells are named by sheet and cell in Japanese with nothing stored; a workbook is
 * refused for another organization as the JSON document is; the export is read with the plan's
 * read permission.
 */
@MicronautTest
class PlanWorkbookEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String editor;

    @BeforeEach
    void users() {
        editor = TestUsers.editor(context);
    }

    @Test
    void theDxActionPlanExportedAndSentBackGivesTheSameFindings() throws Exception {
        assertSameFindingsAfterTheRoundTrip("hiratsuka-dx-action-plan-2024-2026.yaml");
    }

    @Test
    void theCovidMeasuresExportedAndSentBackGiveTheSameFindings() throws Exception {
        assertSameFindingsAfterTheRoundTrip("hiratsuka-covid-measures-2020-09-01.yaml");
    }

    @Test
    void theImplementationPlanExportedAndSentBackGivesTheSameFindings() throws Exception {
        assertSameFindingsAfterTheRoundTrip("hiratsuka-implementation-plan-fy2021-new-normal.yaml");
    }

    private void assertSameFindingsAfterTheRoundTrip(String seed) throws Exception {
        byte[] yaml = Files.readAllBytes(Path.of("seeds/plans", seed));
        Http.Answer stored = Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans", yaml).contentType("application/x-yaml"));
        assertEquals(201, stored.status(), stored.body());
        JsonNode storedBody = json.readTree(stored.body());
        String id = storedBody.get("planId").asText();
        int version = storedBody.get("version").asInt();

        byte[] workbook = exported("/api/v1/plans/" + id + "?format=xlsx&version=" + version, editor);
        Http.Answer checked = PlanWorkbooks.post(client, editor, "/api/v1/plans/check", workbook);
        assertEquals(200, checked.status(), checked.body());
        JsonNode checkedBody = json.readTree(checked.body());
        assertEquals(storedBody.get("findings"), checkedBody.get("findings"));
        assertEquals(storedBody.get("summary"), checkedBody.get("summary"));

        Http.Answer again = PlanWorkbooks.post(client, editor, "/api/v1/plans", workbook);
        assertEquals(201, again.status(), again.body());
        JsonNode againBody = json.readTree(again.body());
        assertEquals(version + 1, againBody.get("version").asInt());
        assertEquals(storedBody.get("findings"), againBody.get("findings"));
        // The version stored from the workbook is the same document as the one stored from YAML.
        JsonNode first = json.readTree(Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/" + id + "/versions/" + version)).body());
        JsonNode second = json.readTree(Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/" + id + "/versions/" + (version + 1))).body());
        assertEquals(first.get("document"), second.get("document"));
    }

    private byte[] exported(String path, String user) {
        HttpResponse<byte[]> response = client.toBlocking().exchange(TestUsers.as(user, HttpRequest.GET(path)), byte[].class);
        assertEquals(200, response.code());
        assertEquals(Xlsx.MEDIA_TYPE, response.getContentType().orElseThrow().toString());
        assertTrue(response.header("Content-Disposition").contains(".xlsx"), response.header("Content-Disposition"));
        return response.body();
    }

    /** The template, filled in with POI as a plan editor would in Excel. */
    private static byte[] filledTemplate(byte[] template, String id, String organization) throws Exception {
        return PlanWorkbooks.edited(template, book -> {
            PlanWorkbooks.set(book, "計画!B2", id);
            PlanWorkbooks.set(book, "計画!B3", "テスト用アクションプラン");
            PlanWorkbooks.set(book, "計画!B4", organization);
            PlanWorkbooks.set(book, "計画!B5", LocalDate.of(2025, 7, 8));
            PlanWorkbooks.set(book, "計画!B6", 2024);
            PlanWorkbooks.set(book, "計画!B7", 2026);
            PlanWorkbooks.set(book, "方針!A2", "P1");
            PlanWorkbooks.set(book, "方針!B2", "情報セキュリティの確保");
            PlanWorkbooks.set(book, "方針!C2", "○");
            PlanWorkbooks.set(book, "取組一覧!A2", 1);
            PlanWorkbooks.set(book, "取組一覧!B2", "P1");
            PlanWorkbooks.set(book, "取組一覧!C2", "情報セキュリティの確保に向けた体制強化");
            PlanWorkbooks.set(book, "取組一覧!E2", "拡充");
            PlanWorkbooks.set(book, "取組一覧!F2", "デジタル推進課");
            PlanWorkbooks.set(book, "取組一覧!M2", "実施中");
            for (int year = 2024; year <= 2026; year++) {
                int row = year - 2024 + 2;
                PlanWorkbooks.set(book, "年度計画!A" + row, 1);
                PlanWorkbooks.set(book, "年度計画!B" + row, year);
                PlanWorkbooks.set(book, "年度計画!C" + row, "研修の実施\n自己点検の実施\nセキュリティ監査の実施");
            }
            PlanWorkbooks.set(book, "年度計画!D2", "監査を24課に対して行いました");
            PlanWorkbooks.set(book, "年度計画!E2", 24);
            PlanWorkbooks.set(book, "年度計画!E3", 20);
        });
    }

    @Test
    void theTemplateFilledInIsAPlanAnyRoleMayDownload() throws Exception {
        String officer = TestUsers.officer(context, "officer-plan-template", "市民課");
        byte[] template = exported("/api/v1/templates/plan.xlsx", officer);
        try (XSSFWorkbook book = PlanWorkbooks.open(template)) {
            assertEquals("説明", book.getSheetName(0));
        }
        byte[] filled = filledTemplate(template, "template-filled", "hiratsuka");
        Http.Answer checked = PlanWorkbooks.post(client, editor, "/api/v1/plans/check", filled);
        assertEquals(200, checked.status(), checked.body());
        JsonNode body = json.readTree(checked.body());
        assertEquals("template-filled", body.get("planId").asText());
        List<String> rules = new ArrayList<>();
        body.get("findings").forEach(f -> rules.add(f.get("ruleId").asText() + " " + f.get("target")));
        // The audit count falls from 2024 to 2025; nothing else is wrong with this small plan.
        assertEquals(List.of("PLAN-AUDIT-COUNT-NOT-INCREASING {\"initiativeNo\":1,\"fiscalYear\":2025,\"field\":\"auditedDepartments\"}"),
                rules);

        Http.Answer stored = PlanWorkbooks.post(client, editor, "/api/v1/plans", filled);
        assertEquals(201, stored.status(), stored.body());
        assertEquals(1, json.readTree(stored.body()).get("version").asInt());
    }

    @Test
    void badCellsAreNamedBySheetAndCellInJapaneseAndNothingIsStored() throws Exception {
        byte[] good = filledTemplate(PlanWorkbooks.template(), "bad-cells", "hiratsuka");
        byte[] bad = PlanWorkbooks.edited(good, book -> {
            PlanWorkbooks.set(book, "計画!B5", "来年の春");
            PlanWorkbooks.set(book, "取組一覧!A3", "二");
            PlanWorkbooks.set(book, "取組一覧!C3", "番号が整数でない取組");
            PlanWorkbooks.set(book, "取組一覧!E2", "新しい");
            PlanWorkbooks.set(book, "取組一覧!D2", "はい");
            PlanWorkbooks.set(book, "取組一覧!K2", "千円");
            PlanWorkbooks.set(book, "年度計画!A6", 9);
            PlanWorkbooks.set(book, "年度計画!B6", 2024);
        });
        Http.Answer answer = PlanWorkbooks.post(client, editor, "/api/v1/plans", bad);
        assertEquals(400, answer.status(), answer.body());
        JsonNode body = json.readTree(answer.body());
        List<String> violations = new ArrayList<>();
        body.get("violations").forEach(v -> violations.add(v.get("path").asText() + " " + v.get("message").asText()));
        assertEquals(List.of(
                "計画!B5 日付を YYYY-MM-DD の形式で指定してください",
                "取組一覧!D2 ○ を付けるか空欄にしてください(「はい」は使えません)",
                "取組一覧!E2 新規・拡充・継続 のいずれかを選ぶか空欄にしてください(「新しい」は選べません)",
                "取組一覧!K2 数値で指定してください",
                "取組一覧!A3 整数で指定してください"), violations);
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/bad-cells")).status(), "nothing stored");

        // Once every No. of the list reads, a row of 年度計画 naming none is the problem.
        byte[] unknown = PlanWorkbooks.edited(good, book -> {
            PlanWorkbooks.set(book, "年度計画!A6", 9);
            PlanWorkbooks.set(book, "年度計画!B6", 2024);
        });
        Http.Answer unknownAnswer = PlanWorkbooks.post(client, editor, "/api/v1/plans", unknown);
        assertEquals(400, unknownAnswer.status(), unknownAnswer.body());
        assertTrue(unknownAnswer.body().contains("\"path\":\"年度計画!A6\",\"message\":\"No.9(同じNo.の1番目)の取組が取組一覧にありません"),
                unknownAnswer.body());

        // A field the document's own validation refuses is named by its cell too: a blank title, a policy id with a space.
        byte[] invalid = PlanWorkbooks.edited(good, book -> {
            PlanWorkbooks.set(book, "取組一覧!C2", " ");
            PlanWorkbooks.set(book, "方針!A2", "P 1");
            PlanWorkbooks.set(book, "年度計画!B4", 1200);
        });
        Http.Answer refused = PlanWorkbooks.post(client, editor, "/api/v1/plans/check", invalid);
        assertEquals(400, refused.status(), refused.body());
        List<String> paths = new ArrayList<>();
        json.readTree(refused.body()).get("violations").forEach(v -> paths.add(v.get("path").asText()));
        assertTrue(paths.containsAll(List.of("取組一覧!C2", "方針!A2", "年度計画!B4")), paths.toString());
        assertTrue(refused.body().contains("必須です"), refused.body());
    }

    @Test
    void aWorkbookOfAnotherOrganizationIsRefusedAsTheJsonDocumentIs() throws Exception {
        byte[] workbook = filledTemplate(PlanWorkbooks.template(), "other-organization", "oiso");
        String document = """
                {"id":"other-organization","title":"t","organization":"oiso","revisedOn":"2025-07-08",
                 "period":{"from":2024,"to":2026},"policies":[{"id":"P1","name":"p"}],"initiatives":[]}""";
        Http.Answer asJson = Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans/check", document.getBytes(StandardCharsets.UTF_8))
                .contentType("application/json"));
        Http.Answer asWorkbook = PlanWorkbooks.post(client, editor, "/api/v1/plans/check", workbook);
        assertEquals(403, asJson.status(), asJson.body());
        assertEquals(asJson.status(), asWorkbook.status(), asWorkbook.body());
        assertEquals(json.readTree(asJson.body()).get("code"), json.readTree(asWorkbook.body()).get("code"));
        assertEquals(403, PlanWorkbooks.post(client, editor, "/api/v1/plans", workbook).status());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/other-organization")).status());
    }

    @Test
    void theExportIsReadWithThePlansReadPermission() throws Exception {
        byte[] filled = filledTemplate(PlanWorkbooks.template(), "export-permissions", "hiratsuka");
        assertEquals(201, PlanWorkbooks.post(client, editor, "/api/v1/plans", filled).status());
        String auditor = TestUsers.auditor(context);
        String officer = TestUsers.officer(context, "officer-plan-export", "市民課");
        String otherEditor = TestUsers.ensure(context, "editor-oiso-export", Set.of(Role.PLAN_EDITOR), "oiso", Set.of());
        assertTrue(exported("/api/v1/plans/export-permissions?format=xlsx", auditor).length > 0);
        assertTrue(exported("/api/v1/plans/export-permissions/versions/1?format=xlsx", editor).length > 0);
        assertEquals(403, Http.sendAs(client, officer, HttpRequest.GET("/api/v1/plans/export-permissions?format=xlsx")).status());
        assertEquals(403, Http.sendAs(client, otherEditor, HttpRequest.GET("/api/v1/plans/export-permissions?format=xlsx")).status());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/export-permissions?format=xlsx&version=9")).status());
        Http.Answer badFormat = Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/export-permissions?format=xls"));
        assertEquals(400, badFormat.status());
        assertTrue(badFormat.body().contains("\"path\":\"format\""), badFormat.body());
        assertEquals(200, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/export-permissions")).status());
    }
}
