package jp.tenken.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.account.Role;
import jp.tenken.checklist.AnswerType;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.inspection.Submissions;
import jp.tenken.text.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Safe CSV and Excel output (CONTRACT §9, issue 18 point 6): texts that begin with =, +, -, @, a tab
 * or a carriage return, stored in a self-inspection's remediations and evidence, in an audit's
 * findings and corrective actions and in department names (the "formula" organization), are read
 * back from every export. In CSV such a cell has a leading apostrophe; in a workbook it is a text
 * cell marked quote-prefixed (Excel's apostrophe, the value itself unchanged), and no cell is a
 * formula; the PDF simply shows the text. CSV lines end with CRLF.
 */
@MicronautTest
@Property(name = "tenken.seeds-dir", value = "src/test/resources/formula-seeds")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportNeutralisationTest {

    private static final List<String> STARTS = List.of("=", "+", "-", "@", "\t", "\r");
    private static final String DEPARTMENT = "=1+1課";
    private static final String LIST = "/api/v1/compliance/units?organization=formula&fiscalYear=2025&asOf=2026-03-31";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Inject
    ObjectMapper json;

    private String officer;
    private String auditor;
    private String inspectionId;
    private final List<String> remediations = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();
    private final List<String> auditTexts = new ArrayList<>();

    @BeforeAll
    void storeHostileTexts() throws Exception {
        officer = TestUsers.ensure(context, "officer-formula", Set.of(Role.SECURITY_OFFICER), "formula", Set.of(DEPARTMENT, "普通課"));
        auditor = TestUsers.ensure(context, "auditor-formula-exports", Set.of(Role.AUDITOR), "formula", Set.of());

        // Six items no other item depends on, answered NO with a remediation that starts like a
        // formula; six others answered YES with such evidence.
        Set<String> gates = new HashSet<>();
        Submissions.CHECKLIST.items().forEach(i -> gates.add(i.dependsOn()));
        List<String> items = Submissions.CHECKLIST.items().stream()
                .filter(i -> i.answerType() == AnswerType.YES_NO && !gates.contains(i.id()) && i.dependsOn() == null)
                .map(ChecklistItem::id).limit(12).toList();
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        for (int i = 0; i < STARTS.size(); i++) {
            String action = STARTS.get(i) + "HYPERLINK(\"http://example.invalid\")改善" + i;
            remediations.add(action);
            answers.put(items.get(i), Map.of("answer", "NO", "remediation", Map.of("action", action, "dueDate", "2026-03-31")));
            String proof = STARTS.get(i) + "SUM(A1:A9)証跡" + i;
            evidence.add(proof);
            answers.put(items.get(6 + i), Map.of("answer", "YES", "evidence", proof));
        }
        Map<String, Object> body = Submissions.submission(DEPARTMENT, 2025, answers::get);
        body.put("organization", "formula");
        Http.Answer submitted = Http.sendAs(client, officer, HttpRequest.POST("/api/v1/inspections", json.writeValueAsBytes(body))
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, submitted.status(), submitted.body());
        inspectionId = json.readTree(submitted.body()).get("id").asText();

        // An audit of 普通課 whose findings and corrective actions start like formulas, overdue on the as-of date.
        List<Map<String, Object>> findings = new ArrayList<>();
        for (int i = 0; i < STARTS.size(); i++) {
            String id = (i < 4 ? STARTS.get(i) : "") + "F" + i; // an id has no control characters
            String description = STARTS.get(i) + "1+1 指摘" + i;
            String action = STARTS.get(i) + "2+2 是正" + i;
            auditTexts.addAll(List.of(id, description, action));
            findings.add(Map.of("id", id, "severity", "MEDIUM", "description", description,
                    "correctiveAction", Map.of("action", action, "dueDate", "2025-09-30")));
        }
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("organization", "formula");
        audit.put("department", "普通課");
        audit.put("fiscalYear", 2025);
        audit.put("auditedOn", "2025-06-02");
        audit.put("auditors", List.of(Map.of("name", "監査 太郎", "department", "@SUM課")));
        audit.put("findings", findings);
        Http.Answer recorded = Http.sendAs(client, auditor, HttpRequest.POST("/api/v1/audits", json.writeValueAsBytes(audit))
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, recorded.status(), recorded.body());
    }

    /** Every cell of every sheet: no formula, and a text that starts like one is quote-prefixed. Answers the texts. */
    private static Set<String> safeTexts(Download download) throws Exception {
        assertEquals(200, download.status(), download.text());
        Set<String> texts = new HashSet<>();
        try (XSSFWorkbook book = download.workbook()) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String where = sheet.getSheetName() + "!" + cell.getAddress();
                        assertNotEquals(CellType.FORMULA, cell.getCellType(), where);
                        if (cell.getCellType() == CellType.STRING) {
                            String value = cell.getStringCellValue();
                            texts.add(value);
                            if (SpreadsheetCells.startsLikeFormula(value)) {
                                assertTrue(cell.getCellStyle().getQuotePrefixed(), where + " " + value + " is quote-prefixed");
                            }
                        }
                    }
                }
            }
        }
        return texts;
    }

    @Test
    void theCsvNeutralisesEveryCellAndEndsItsLinesWithCrLf() throws Exception {
        Download csv = Download.as(client, auditor, HttpRequest.GET(LIST + "&format=csv"));
        assertEquals(200, csv.status(), csv.text());
        assertEquals("text/csv; charset=utf-8", csv.contentType());
        String text = csv.text();
        assertTrue(text.endsWith("\r\n"), "the last line ends with CRLF");
        assertFalse(text.replace("\r\n", "").contains("\n"), "no line ends with a bare LF");
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertEquals(7, records.size());
        // One CRLF per line: the header and the seven departments (no cell here holds a CRLF).
        assertEquals(8, text.split("\r\n", -1).length - 1);
        for (CSVRecord record : records) {
            record.forEach(cell -> assertFalse(SpreadsheetCells.startsLikeFormula(cell), "cell " + cell + " of " + record));
        }
        assertTrue(records.stream().anyMatch(r -> r.get(0).equals("'" + DEPARTMENT)));
    }

    @Test
    void theComplianceWorkbookQuotePrefixesDepartmentsAuditFindingsAndActions() throws Exception {
        Set<String> texts = safeTexts(Download.as(client, auditor, HttpRequest.GET(LIST + "&format=xlsx")));
        assertTrue(texts.contains(DEPARTMENT));
        assertTrue(texts.containsAll(auditTexts), "every audit finding's id, description and action, unchanged");
    }

    @Test
    void theSelfInspectionWorkbooksQuotePrefixRemediationsAndEvidence() throws Exception {
        Set<String> exported = safeTexts(Download.as(client, officer, HttpRequest.GET("/api/v1/inspections/" + inspectionId + "?format=xlsx")));
        assertTrue(exported.containsAll(remediations), "remediations unchanged");
        assertTrue(exported.containsAll(evidence), "evidence unchanged");
        assertTrue(exported.contains(DEPARTMENT));
        // The form to fill in, prefilled with the same submission (point 1's workbook).
        Set<String> template = safeTexts(Download.as(client, officer, HttpRequest.GET(Http.encodeQuery(
                "/api/v1/templates/inspection.xlsx?organization=formula&department=" + DEPARTMENT + "&fiscalYear=2025"))));
        assertTrue(template.containsAll(remediations) && template.containsAll(evidence));
    }

    @Test
    void thePlanFindingsWorkbookHasNoCellThatRuns() throws Exception {
        String editor = TestUsers.ensure(context, "editor-formula", Set.of(Role.PLAN_EDITOR), "formula", Set.of());
        String plan = """
                {"id": "formula-plan", "title": "=1+1計画", "organization": "formula", "revisedOn": "2025-07-08",
                 "period": {"from": 2024, "to": 2026},
                 "policies": [{"id": "P1", "name": "@方針"}],
                 "initiatives": [
                   {"no": 1, "policyId": "P1", "title": "-取組", "departments": ["=2+2課", "+81課"],
                    "years": [{"fiscalYear": 2024, "plan": ["=導入"]}]}]}
                """;
        Http.Answer stored = Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans", plan).contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, stored.status(), stored.body());
        Set<String> texts = safeTexts(Download.as(client, editor, HttpRequest.GET("/api/v1/plans/formula-plan/findings?format=xlsx")));
        assertTrue(texts.stream().anyMatch(t -> t.contains("=2+2課")), texts.toString());
    }

    @Test
    void thePdfsShowTheTextsAsWritten() throws Exception {
        String inspection = flat(Download.as(client, officer, HttpRequest.GET("/api/v1/inspections/" + inspectionId + "?format=pdf")));
        IntStream.range(0, STARTS.size()).forEach(i -> {
            assertTrue(inspection.contains(flat(remediations.get(i))), remediations.get(i));
            assertTrue(inspection.contains(flat(evidence.get(i))), evidence.get(i));
        });
        assertTrue(inspection.contains(DEPARTMENT));
        String compliance = flat(Download.as(client, auditor, HttpRequest.GET(LIST + "&format=pdf")));
        auditTexts.forEach(t -> assertTrue(compliance.contains(flat(t)), t));
        assertTrue(compliance.contains(DEPARTMENT) && compliance.contains("+81課") && compliance.contains("@SUM課"));
    }

    private static String flat(Download pdf) {
        assertEquals(200, pdf.status(), pdf.text());
        try {
            return flat(pdf.pdfText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text without white space: a PDF shows a tab or CR as a space, and cells wrap anywhere. */
    private static String flat(String text) {
        return text.replaceAll("\\s", "");
    }
}
