package jp.tenken.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.account.Role;
import jp.tenken.api.Download;
import jp.tenken.api.Http;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stored version's findings as Excel (CONTRACT §9): the same findings as the JSON, in the same
 * order, with severity words, rule titles and targets in Japanese; who may read the plan may have it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanFindingsExportTest {

    private static final String PLAN = "hiratsuka-dx-action-plan";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Inject
    ObjectMapper json;

    private String editor;

    @BeforeAll
    void store() throws Exception {
        editor = TestUsers.editor(context);
        Http.Answer stored = Http.send(client, TestUsers.as(editor, HttpRequest.POST("/api/v1/plans",
                Files.readString(Fixtures.DX_PLAN).getBytes(StandardCharsets.UTF_8)).contentType("application/x-yaml")));
        assertEquals(201, stored.status(), stored.body());
    }

    private static String text(Row row, int column) {
        return row == null || row.getCell(column) == null ? "" : new DataFormatter().formatCellValue(row.getCell(column));
    }

    @Test
    void theWorkbookListsTheVersionsFindingsAsTheJsonDoes() throws Exception {
        JsonNode findings = json.readTree(Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/" + PLAN + "/findings")).body())
                .get("findings");
        for (String path : List.of("/findings", "/versions/1/findings")) {
            Download xlsx = Download.as(client, editor, HttpRequest.GET("/api/v1/plans/" + PLAN + path + "?format=xlsx"));
            assertEquals(200, xlsx.status(), xlsx.text());
            assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.contentType());
            assertTrue(xlsx.disposition().startsWith("attachment; filename=\"findings-" + PLAN + "-v1.xlsx\""), xlsx.disposition());
            assertTrue(xlsx.filename().startsWith("指摘_") && xlsx.filename().endsWith("_第1版.xlsx"), xlsx.filename());
            try (XSSFWorkbook book = xlsx.workbook()) {
                XSSFSheet sheet = book.getSheet("指摘");
                assertTrue(text(sheet.getRow(0), 0).endsWith("第1版の指摘"), text(sheet.getRow(0), 0));
                int header = -1;
                for (Row row : sheet) {
                    if ("重要度".equals(text(row, 0))) {
                        header = row.getRowNum();
                    }
                }
                assertEquals(PlanFindingsXlsx.HEADER.get(6), text(sheet.getRow(header), 6));
                assertEquals("A" + (header + 1) + ":G" + (header + 1 + findings.size()), sheet.getCTWorksheet().getAutoFilter().getRef());
                List<String> rows = new ArrayList<>();
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < findings.size(); i++) {
                    Row row = sheet.getRow(header + 1 + i);
                    rows.add(text(row, 1) + " " + text(row, 4) + " " + text(row, 6));
                    JsonNode f = findings.get(i);
                    expected.add(f.get("ruleId").asText() + " " + f.get("target").path("initiativeNo").asText("") + " " + f.get("message").asText());
                }
                assertEquals(expected, rows);
                Row first = sheet.getRow(header + 1);
                assertEquals("エラー", text(first, 0));
                assertTrue(text(first, 3).startsWith("取組No."), text(first, 3));
                assertTrue(!text(first, 2).isEmpty(), "the rule's title");
            }
        }
    }

    @Test
    void whoMayReadThePlanMayHaveItsFindings() {
        String uri = "/api/v1/plans/" + PLAN + "/findings?format=xlsx";
        assertEquals(200, Download.as(client, TestUsers.auditor(context), HttpRequest.GET(uri)).status());
        String officer = TestUsers.officer(context, "officer-plan-export", "市民課");
        assertEquals(403, Download.as(client, officer, HttpRequest.GET(uri)).status());
        String otherTown = TestUsers.ensure(context, "editor-plan-export-odawara", Set.of(Role.PLAN_EDITOR), "odawara", Set.of());
        assertEquals(403, Download.as(client, otherTown, HttpRequest.GET(uri)).status());
        assertEquals(401, Download.get(client, HttpRequest.GET(uri)).status());
        assertEquals(404, Download.as(client, editor, HttpRequest.GET("/api/v1/plans/no-such-plan/findings?format=xlsx")).status());
        assertEquals(404, Download.as(client, editor, HttpRequest.GET("/api/v1/plans/" + PLAN + "/versions/9/findings?format=xlsx")).status());
        Download pdf = Download.as(client, editor, HttpRequest.GET("/api/v1/plans/" + PLAN + "/findings?format=pdf"));
        assertEquals(400, pdf.status());
        assertTrue(pdf.text().contains("json, xlsx"), pdf.text());
    }
}
