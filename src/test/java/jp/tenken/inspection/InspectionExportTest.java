package jp.tenken.inspection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A submission as Excel and as the printable report (CONTRACT §9), read back with POI and PDFBox:
 * header, status, every answer by chapter, findings and the remediations with their due dates; the
 * same permissions as the JSON submission.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionExportTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Inject
    ObjectMapper json;

    private String officer;
    private String id;

    @BeforeAll
    void submit() throws Exception {
        officer = TestUsers.officer(context, "officer-report-shimin", "市民課");
        Map<String, Object> body = Submissions.submission("市民課", 2025, item -> switch (item) {
            case "HUM-04" -> Map.of("value", 92, "remediation", Map.of("action", "未受講の8名に12月までの受講を指示", "dueDate", "2025-12-26"));
            case "PHY-02" -> Map.of("answer", "NO", "remediation", Map.of("action", "窓口後方の書類保管に施錠キャビネットを導入", "dueDate", "2026-03-31"));
            default -> null;
        });
        Http.Answer answer = Http.sendAs(client, officer, HttpRequest.POST("/api/v1/inspections", json.writeValueAsBytes(body))
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, answer.status(), answer.body());
        id = json.readTree(answer.body()).get("id").asText();
    }

    private static String text(Row row, int column) {
        return row == null || row.getCell(column) == null ? "" : new DataFormatter().formatCellValue(row.getCell(column));
    }

    private static int headerRow(XSSFSheet sheet, String first) {
        for (Row row : sheet) {
            if (first.equals(text(row, 0))) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header row in " + sheet.getSheetName());
    }

    @Test
    void theWorkbookHoldsTheFactsEveryAnswerByChapterTheFindingsAndTheRemediations() throws Exception {
        Download xlsx = Download.as(client, officer, HttpRequest.GET("/api/v1/inspections/" + id + "?format=xlsx"));
        assertEquals(200, xlsx.status(), xlsx.text());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.contentType());
        assertEquals("自己点検_市民課_2025.xlsx", xlsx.filename());
        assertTrue(xlsx.disposition().startsWith("attachment; filename=\"inspection-2025-" + id + ".xlsx\""), xlsx.disposition());
        try (XSSFWorkbook book = xlsx.workbook()) {
            XSSFSheet answers = book.getSheet("回答");
            List<String> facts = new ArrayList<>();
            for (int r = 1; r <= 8; r++) {
                facts.add(text(answers.getRow(r), 0) + "=" + text(answers.getRow(r), 1));
            }
            assertTrue(facts.containsAll(List.of("組織=平塚市", "課=市民課", "年度=令和7年度 (2025)", "提出日=2025-10-15",
                    "提出者=officer-report-shimin", "状況=不適合")), facts.toString());
            int header = headerRow(answers, "章");
            assertEquals(InspectionXlsx.ANSWER_HEADER.get(2), text(answers.getRow(header), 2));
            assertEquals(header + Submissions.CHECKLIST.items().size(), answers.getLastRowNum(), "a line per item");
            for (int i = 0; i < Submissions.CHECKLIST.items().size(); i++) {
                Row line = answers.getRow(header + 1 + i);
                assertEquals(Submissions.CHECKLIST.items().get(i).id(), text(line, 1));
                assertEquals(Submissions.CHECKLIST.items().get(i).chapter(), text(line, 0));
            }
            Row phy02 = answers.getRow(header + 1 + indexOf("PHY-02"));
            assertEquals(List.of("いいえ", "窓口後方の書類保管に施錠キャビネットを導入", "2026-03-31"),
                    List.of(text(phy02, 4), text(phy02, 7), text(phy02, 8)));
            Row hum04 = answers.getRow(header + 1 + indexOf("HUM-04"));
            assertEquals(92.0, hum04.getCell(5).getNumericCellValue());
            assertTrue(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(phy02.getCell(8)), "the due date is a date cell");

            XSSFSheet findings = book.getSheet("指摘");
            Row finding = findings.getRow(headerRow(findings, "重要度") + 1);
            assertEquals(List.of("エラー", "SI-THRESHOLD", "HUM-04"), List.of(text(finding, 0), text(finding, 1), text(finding, 2)));
            assertTrue(text(finding, 3).contains("92%"), text(finding, 3));

            XSSFSheet remediations = book.getSheet("改善策");
            int top = headerRow(remediations, "項番");
            assertEquals(List.of("HUM-04", "未受講の8名に12月までの受講を指示", "2025-12-26"),
                    List.of(text(remediations.getRow(top + 1), 0), text(remediations.getRow(top + 1), 2), text(remediations.getRow(top + 1), 3)));
            assertEquals("PHY-02", text(remediations.getRow(top + 2), 0));
        }
    }

    private static int indexOf(String itemId) {
        return Submissions.CHECKLIST.items().stream().map(i -> i.id()).toList().indexOf(itemId);
    }

    @Test
    void theReportShowsHeaderStatusFindingsRemediationsAnswersAndASignatureBox() throws Exception {
        Download pdf = Download.as(client, officer, HttpRequest.GET("/api/v1/inspections/" + id + "?format=pdf"));
        assertEquals(200, pdf.status(), pdf.text());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("自己点検_市民課_2025.pdf", pdf.filename());
        String shown = pdf.pdfText();
        String text = shown.replaceAll("\\s", ""); // cells wrap their text at any character
        for (String expected : List.of("情報セキュリティ自己点検 報告書", "平塚市", "市民課", "令和7年度 (2025)", "不適合",
                "課長", "担当", "確認日", "項目HUM-04: 92%は基準値100%に達していません", "未受講の8名に12月までの受講を指示",
                "窓口後方の書類保管に施錠キャビネットを導入", "令和8年3月31日", "PHY-02", "いいえ", "92%")) {
            assertTrue(text.contains(expected.replaceAll("\\s", "")), expected + " in\n" + shown);
        }
        // Every chapter and every item of the checklist.
        Submissions.CHECKLIST.items().forEach(item -> assertTrue(text.contains(item.id()), item.id()));
        Submissions.CHECKLIST.items().stream().map(i -> i.chapter()).distinct()
                .forEach(chapter -> assertTrue(shown.contains("■ " + chapter), chapter));
    }

    @Test
    void whoMayReadTheSubmissionMayHaveItsFilesAndNobodyElse() {
        String auditor = TestUsers.auditor(context);
        String otherOfficer = TestUsers.officer(context, "officer-report-digital", "デジタル推進課");
        String editor = TestUsers.editor(context);
        String otherCity = TestUsers.ensure(context, "auditor-report-odawara", Set.of(Role.AUDITOR), "odawara", Set.of());
        for (String format : List.of("xlsx", "pdf")) {
            String uri = "/api/v1/inspections/" + id + "?format=" + format;
            assertEquals(200, Download.as(client, auditor, HttpRequest.GET(uri)).status(), format);
            assertEquals(403, Download.as(client, otherOfficer, HttpRequest.GET(uri)).status(), format);
            assertEquals(403, Download.as(client, editor, HttpRequest.GET(uri)).status(), format);
            assertEquals(403, Download.as(client, otherCity, HttpRequest.GET(uri)).status(), format);
            assertEquals(401, Download.get(client, HttpRequest.GET(uri)).status(), format);
            assertEquals(404, Download.as(client, auditor, HttpRequest.GET("/api/v1/inspections/no-such-id?format=" + format)).status());
        }
        Download bad = Download.as(client, officer, HttpRequest.GET("/api/v1/inspections/" + id + "?format=csv"));
        assertEquals(400, bad.status());
        assertTrue(bad.text().contains("json, xlsx, pdf"), bad.text());
    }
}
