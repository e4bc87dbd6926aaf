package jp.tenken.compliance;

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
import jp.tenken.inspection.Submissions;
import jp.tenken.organization.Department;
import jp.tenken.organization.OrganizationRegistry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compliance list as Excel and PDF (CONTRACT §9), read back with POI and PDFBox: one line per
 * department with its status word and colour, a totals row, the filter on the header; the PDF's
 * Japanese text with the font embedded; the same permissions as the JSON list.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceExportTest {

    private static final String LIST = "/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025&asOf=2026-03-31";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Inject
    OrganizationRegistry organizations;

    @Inject
    ObjectMapper json;

    private String auditor;

    @BeforeAll
    void submit() throws Exception {
        auditor = TestUsers.auditor(context);
        String officer = TestUsers.officer(context, "officer-export-shimin", "市民課");
        String digital = TestUsers.officer(context, "officer-export-digital", "デジタル推進課");
        post(officer, Submissions.nonCompliant("市民課", 2025));
        post(digital, Submissions.compliant("デジタル推進課", 2025));
    }

    private void post(String officer, Map<String, Object> body) throws Exception {
        Http.Answer answer = Http.sendAs(client, officer, HttpRequest.POST("/api/v1/inspections", json.writeValueAsBytes(body))
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, answer.status(), answer.body());
    }

    private List<String> departments() {
        return organizations.directory("hiratsuka").orElseThrow().units().stream().map(Department::name).toList();
    }

    private static String text(Row row, int column) {
        return row == null || row.getCell(column) == null ? "" : new DataFormatter().formatCellValue(row.getCell(column));
    }

    private static String fill(Row row, int column) {
        XSSFCellStyle style = (XSSFCellStyle) row.getCell(column).getCellStyle();
        return style.getFillForegroundXSSFColor() == null ? "" : HexFormat.of().formatHex(style.getFillForegroundXSSFColor().getRGB()).toUpperCase();
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
    void theWorkbookHasALinePerDepartmentWithStatusWordsColoursTotalsAndAFilter() throws Exception {
        Download xlsx = Download.as(client, auditor, HttpRequest.GET(LIST + "&format=xlsx"));
        assertEquals(200, xlsx.status(), xlsx.text());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.contentType());
        assertTrue(xlsx.disposition().startsWith("attachment; filename=\"compliance-hiratsuka-2025.xlsx\""), xlsx.disposition());
        assertEquals("適合状況一覧_平塚市_2025.xlsx", xlsx.filename());
        try (XSSFWorkbook book = xlsx.workbook()) {
            XSSFSheet sheet = book.getSheet("適合状況");
            assertTrue(text(sheet.getRow(0), 0).contains("平塚市"), text(sheet.getRow(0), 0));
            int header = headerRow(sheet, "課");
            assertEquals(ComplianceXlsx.HEADER, List.of(text(sheet.getRow(header), 0), text(sheet.getRow(header), 1),
                    text(sheet.getRow(header), 2), text(sheet.getRow(header), 3), text(sheet.getRow(header), 4),
                    text(sheet.getRow(header), 5), text(sheet.getRow(header), 6), text(sheet.getRow(header), 7)));
            List<String> departments = departments();
            List<String> lines = new ArrayList<>();
            for (int r = header + 1; r <= header + departments.size(); r++) {
                lines.add(text(sheet.getRow(r), 0));
            }
            assertEquals(departments, lines);
            Row shimin = sheet.getRow(header + 1 + departments.indexOf("市民課"));
            assertEquals("不適合", text(shimin, 1));
            assertEquals("FFC7CE", fill(shimin, 1));
            assertEquals("提出済み", text(shimin, 2));
            assertEquals(CellType.NUMERIC, shimin.getCell(3).getCellType());
            assertTrue(shimin.getCell(3).getNumericCellValue() >= 1, "its self-inspection's errors");
            Row digital = sheet.getRow(header + 1 + departments.indexOf("デジタル推進課"));
            assertEquals("適合", text(digital, 1));
            assertEquals("C6EFCE", fill(digital, 1));
            Row unsubmitted = sheet.getRow(header + 1 + departments.indexOf(departments.stream()
                    .filter(d -> !d.equals("市民課") && !d.equals("デジタル推進課")).findFirst().orElseThrow()));
            assertEquals("未提出", text(unsubmitted, 2));
            assertTrue(text(unsubmitted, 7).contains("自己点検が提出されていません"), text(unsubmitted, 7));

            Row totals = sheet.getRow(header + 1 + departments.size());
            assertEquals("合計 " + departments.size() + "課", text(totals, 0));
            assertEquals("提出 2", text(totals, 2));
            // The filter covers the header and the department lines, not the totals.
            assertEquals("A" + (header + 1) + ":H" + (header + 1 + departments.size()),
                    sheet.getCTWorksheet().getAutoFilter().getRef());
            // Each status counted under the totals, the worst first.
            assertEquals("不適合", text(sheet.getRow(header + 3 + departments.size()), 0));
            assertEquals(String.valueOf(departments.size() - 1), text(sheet.getRow(header + 3 + departments.size()), 1));
            assertEquals("適合", text(sheet.getRow(header + 5 + departments.size()), 0));
            assertEquals("1", text(sheet.getRow(header + 5 + departments.size()), 1));

            XSSFSheet findings = book.getSheet("指摘");
            int findingsHeader = headerRow(findings, "課");
            // A line per finding: SI-NOT-SUBMITTED for each of the 47 departments that did not submit.
            assertEquals(findingsHeader + departments.size() - 2, findings.getLastRowNum());
            Row first = findings.getRow(findingsHeader + 1);
            String firstUnsubmitted = departments.stream().filter(d -> !d.equals("市民課") && !d.equals("デジタル推進課")).findFirst().orElseThrow();
            assertEquals(List.of(firstUnsubmitted, "不適合", "エラー", "SI-NOT-SUBMITTED"),
                    List.of(text(first, 0), text(first, 1), text(first, 2), text(first, 3)));
        }
    }

    @Test
    void thePdfShowsTheListInJapaneseWithTheFontEmbedded() throws Exception {
        Download pdf = Download.as(client, auditor, HttpRequest.GET(LIST + "&format=pdf"));
        assertEquals(200, pdf.status(), pdf.text());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("適合状況一覧_平塚市_2025.pdf", pdf.filename());
        String text = pdf.pdfText();
        assertTrue(text.contains("適合状況一覧 平塚市 令和7年度"), text);
        for (String department : departments()) {
            assertTrue(text.contains(department), department);
        }
        assertTrue(text.contains("不適合"), text);
        assertTrue(text.contains("適合"), text);
        assertTrue(text.contains("自己点検が提出されていません"), text);
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertTrue(document.getNumberOfPages() >= 2, "the 40 departments do not fit one page");
            PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded() && font.getName().contains("IPAexGothic"), font.getName());
        }
    }

    @Test
    void theAcceptHeaderAsksForAFileToo() {
        Download xlsx = Download.as(client, auditor, HttpRequest.GET(LIST)
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertEquals(200, xlsx.status(), xlsx.text());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.contentType());
        Download pdf = Download.as(client, auditor, HttpRequest.GET(LIST).accept("application/pdf"));
        assertEquals("application/pdf", pdf.contentType());
        assertArrayEquals("%PDF".getBytes(), java.util.Arrays.copyOf(pdf.bytes(), 4));
    }

    @Test
    void theFilesHaveTheJsonListsPermissions() throws Exception {
        String officer = TestUsers.officer(context, "officer-export-shimin", "市民課");
        Download own = Download.as(client, officer, HttpRequest.GET(LIST + "&format=xlsx"));
        assertEquals(200, own.status(), own.text());
        try (XSSFWorkbook book = own.workbook()) {
            XSSFSheet sheet = book.getSheet("適合状況");
            int header = headerRow(sheet, "課");
            assertEquals("市民課", text(sheet.getRow(header + 1), 0));
            assertEquals("合計 1課", text(sheet.getRow(header + 2), 0), "an officer sees its own departments only");
        }
        assertTrue(Download.as(client, officer, HttpRequest.GET(LIST + "&format=pdf")).pdfText().contains("市民課"));
        assertTrue(!Download.as(client, officer, HttpRequest.GET(LIST + "&format=pdf")).pdfText().contains("デジタル推進課"));

        String editor = TestUsers.editor(context);
        String otherAuditor = TestUsers.ensure(context, "auditor-of-another-city", Set.of(Role.AUDITOR), "odawara", Set.of());
        for (String format : List.of("xlsx", "pdf", "csv")) {
            assertEquals(403, Download.as(client, editor, HttpRequest.GET(LIST + "&format=" + format)).status(), format);
            assertEquals(403, Download.as(client, otherAuditor, HttpRequest.GET(LIST + "&format=" + format)).status(), format);
            assertEquals(401, Download.get(client, HttpRequest.GET(LIST + "&format=" + format)).status(), format);
        }
        Download bad = Download.as(client, auditor, HttpRequest.GET(LIST + "&format=docx"));
        assertEquals(400, bad.status());
        assertTrue(bad.text().contains("\"format\"") && bad.text().contains("json, csv, xlsx, pdf"), bad.text());
    }
}
