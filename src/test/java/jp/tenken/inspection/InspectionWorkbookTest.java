package jp.tenken.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-inspection workbook (CONTRACT §9): downloaded as the department's officer, filled in,
 * uploaded to POST /api/v1/inspections; the same submission as the JSON body, cell problems named
 * by cell, another department's workbook refused.
 */
@MicronautTest
class InspectionWorkbookTest {

    static final Path EXAMPLE = Path.of("docs/examples/inspection-shimin-2025.yaml");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    /** The template for 市民課 2025 filled with the answers of docs/examples/inspection-shimin-2025.yaml. */
    static byte[] filledExample(HttpClient client, String officer) throws Exception {
        JsonNode example = new YAMLMapper().readTree(Files.readAllBytes(EXAMPLE));
        XSSFWorkbook workbook = Workbooks.open(Workbooks.template(client, officer, "organization=hiratsuka&department=市民課&fiscalYear=2025"));
        XSSFSheet sheet = Workbooks.sheet(workbook);
        Workbooks.set(sheet, "B7", LocalDate.parse(example.get("submittedOn").asText()));
        for (JsonNode answer : example.get("answers")) {
            int row = Workbooks.rowOf(sheet, answer.get("itemId").asText());
            if (answer.has("answer")) {
                Workbooks.set(sheet, "E" + row, InspectionSheet.word(answer.get("answer").asText()));
            }
            if (answer.has("value")) {
                Workbooks.set(sheet, "F" + row, answer.get("value").decimalValue());
            }
            if (answer.has("evidence")) {
                Workbooks.set(sheet, "G" + row, answer.get("evidence").asText());
            }
            if (answer.has("remediation")) {
                Workbooks.set(sheet, "H" + row, answer.get("remediation").get("action").asText());
                Workbooks.set(sheet, "I" + row, LocalDate.parse(answer.get("remediation").get("dueDate").asText()));
            }
        }
        return Workbooks.bytes(workbook);
    }

    @Test
    void theFilledTemplateIsTheSameSubmissionAsTheJsonBody() throws Exception {
        String officer = TestUsers.officer(context, "officer-xlsx-shimin", "市民課");
        Http.Answer fromWorkbook = Workbooks.upload(client, officer, filledExample(client, officer));
        assertEquals(201, fromWorkbook.status(), fromWorkbook.body());
        Http.Answer fromYaml = Http.sendAs(client, officer, HttpRequest.POST("/api/v1/inspections", Files.readAllBytes(EXAMPLE))
                .contentType(MediaType.of("application/x-yaml")));
        assertEquals(201, fromYaml.status(), fromYaml.body());
        JsonNode a = json.readTree(fromWorkbook.body());
        JsonNode b = json.readTree(fromYaml.body());
        for (String field : List.of("department", "fiscalYear", "status", "summary", "findings", "remediations")) {
            assertEquals(b.get(field), a.get(field), field);
        }
        JsonNode stored = json.readTree(Http.sendAs(client, officer, HttpRequest.GET("/api/v1/inspections/" + a.get("id").asText())).body());
        JsonNode storedYaml = json.readTree(Http.sendAs(client, officer, HttpRequest.GET("/api/v1/inspections/" + b.get("id").asText())).body());
        assertEquals(storedYaml.get("answers"), stored.get("answers"));
        assertEquals("2025-10-15", stored.get("submittedOn").asText());
    }

    @Test
    void theTemplateHasTheHeaderTheItemsADropDownAndOpenAnswerCellsOnly() throws Exception {
        String officer = TestUsers.officer(context, "officer-xlsx-layout", "市民課");
        XSSFWorkbook workbook = Workbooks.open(Workbooks.template(client, officer, "department=市民課&fiscalYear=2025"));
        XSSFSheet sheet = Workbooks.sheet(workbook);
        assertEquals("hiratsuka", Workbooks.cell(sheet, "B2").getStringCellValue());
        assertEquals("市民課", Workbooks.cell(sheet, "B3").getStringCellValue());
        assertEquals(2025, (int) Workbooks.cell(sheet, "B4").getNumericCellValue());
        assertEquals(Submissions.CHECKLIST.id(), Workbooks.cell(sheet, "B5").getStringCellValue());
        assertEquals(Submissions.CHECKLIST.version(), Workbooks.cell(sheet, "B6").getStringCellValue());
        assertEquals(List.of("項番", "章", "設問", "重要度", "回答", "数値(%)", "証跡", "改善策", "期限", "備考"),
                java.util.stream.IntStream.range(0, 10).mapToObj(c -> sheet.getRow(8).getCell(c).getStringCellValue()).toList());
        int items = Submissions.CHECKLIST.items().size();
        assertEquals(Submissions.CHECKLIST.items().get(0).id(), Workbooks.cell(sheet, "A10").getStringCellValue());
        assertEquals(Submissions.CHECKLIST.items().get(items - 1).id(), Workbooks.cell(sheet, "A" + (9 + items)).getStringCellValue());
        assertTrue(sheet.getProtect(), "the sheet is protected");
        assertTrue(Workbooks.cell(sheet, "C10").getCellStyle().getLocked());
        assertTrue(Workbooks.cell(sheet, "B3").getCellStyle().getLocked());
        for (String open : List.of("E10", "G10", "H10", "I10", "J10", "B7")) {
            assertFalse(Workbooks.cell(sheet, open).getCellStyle().getLocked(), open);
        }
        assertTrue(Workbooks.cell(sheet, "I10").getCellStyle().getDataFormatString().contains("yyyy"));
        DataValidation answers = sheet.getDataValidations().stream()
                .filter(v -> v.getValidationConstraint().getExplicitListValues() != null).findFirst().orElseThrow();
        assertEquals(List.of("はい", "一部", "いいえ", "該当なし"), List.of(answers.getValidationConstraint().getExplicitListValues()));
        assertTrue(sheet.getCellComments().size() > 0, "guidance as comments");
        workbook.close();
    }

    @Test
    void theTemplateIsPrefilledWithTheDraftElseTheCurrentSubmission() throws Exception {
        String officer = TestUsers.officer(context, "officer-xlsx-prefill", "保険年金課");
        String dept = java.net.URLEncoder.encode("保険年金課", java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Object> body = Submissions.submission("保険年金課", 2025, id -> id.equals("PHY-02")
                ? Map.of("answer", "NO", "remediation", Map.of("action", "=HYPERLINK(\"http://x\")", "dueDate", "2026-03-31")) : null);
        assertEquals(201, Http.sendAs(client, officer, HttpRequest.POST("/api/v1/inspections", json.writeValueAsBytes(body))
                .contentType(MediaType.APPLICATION_JSON)).status());
        XSSFSheet sheet = Workbooks.sheet(Workbooks.open(Workbooks.template(client, officer, "department=保険年金課&fiscalYear=2025")));
        int row = Workbooks.rowOf(sheet, "PHY-02");
        assertEquals("いいえ", Workbooks.cell(sheet, "E" + row).getStringCellValue());
        org.apache.poi.ss.usermodel.Cell action = Workbooks.cell(sheet, "H" + row);
        assertEquals(CellType.STRING, action.getCellType(), "a text, never a formula");
        assertEquals("=HYPERLINK(\"http://x\")", action.getStringCellValue());
        assertTrue(action.getCellStyle().getQuotePrefixed(), "neutralised with Excel's leading apostrophe");
        assertEquals(LocalDate.of(2026, 3, 31), Workbooks.cell(sheet, "I" + row).getLocalDateTimeCellValue().toLocalDate());

        Map<String, Object> draft = Map.of("checklistId", Submissions.CHECKLIST.id(), "answers", List.of(
                Map.of("itemId", "PHY-02", "answer", "PARTIAL", "evidence", "+下書き"), Map.of("itemId", "HUM-04", "value", "9x")));
        assertEquals(200, Http.sendAs(client, officer, HttpRequest.PUT("/api/v1/inspections/drafts/hiratsuka/" + dept + "/2025",
                json.writeValueAsBytes(draft)).contentType(MediaType.APPLICATION_JSON)).status());
        sheet = Workbooks.sheet(Workbooks.open(Workbooks.template(client, officer, "department=保険年金課&fiscalYear=2025")));
        assertEquals("一部", Workbooks.cell(sheet, "E" + row).getStringCellValue());
        assertEquals("+下書き", Workbooks.cell(sheet, "G" + row).getStringCellValue());
        assertTrue(Workbooks.cell(sheet, "G" + row).getCellStyle().getQuotePrefixed());
        assertEquals("9x", Workbooks.cell(sheet, "F" + Workbooks.rowOf(sheet, "HUM-04")).getStringCellValue());
        assertEquals(CellType.BLANK, Workbooks.cell(sheet, "H" + row).getCellType(), "the draft, not the submission");
    }

    private static final List<String> ORGANIZATION_LEVEL = List.of("RES-11", "RES-12", "TEC-18", "OPS-08", "EVA-06");

    /**
     * Issue 22: the organization-level items are read-only on a department's workbook, as on its form:
     * their answer, evidence, remediation and due cells grey and locked under the sheet's protection (no
     * password), filled with the security office's answers of the year; the office's own workbook asks them.
     */
    @Test
    void organizationLevelItemsAreLockedOnADepartmentsWorkbookWithTheOfficesAnswers() throws Exception {
        String officer = TestUsers.officer(context, "officer-xlsx-org-level", "市民課");
        XSSFWorkbook before = Workbooks.open(Workbooks.template(client, officer, "department=市民課&fiscalYear=2022"));
        XSSFSheet empty = Workbooks.sheet(before);
        assertTrue(empty.getProtect(), "the sheet is protected");
        assertFalse(empty.getCTWorksheet().getSheetProtection().isSetPassword()
                || empty.getCTWorksheet().getSheetProtection().isSetHashValue(), "without a password");
        for (ChecklistItemRow item : rows(empty)) {
            for (String column : List.of("E", "G", "H", "I")) {
                org.apache.poi.ss.usermodel.CellStyle style = Workbooks.cell(empty, column + item.row).getCellStyle();
                assertEquals(item.organizationLevel, style.getLocked(), item.id + " " + column);
                assertEquals(item.organizationLevel ? IndexedColors.GREY_25_PERCENT.getIndex() : IndexedColors.LIGHT_YELLOW.getIndex(),
                        style.getFillForegroundColor(), item.id + " " + column + " filled");
            }
            assertFalse(Workbooks.cell(empty, "J" + item.row).getCellStyle().getLocked(), item.id + " 備考 stays open");
        }
        int res12 = Workbooks.rowOf(empty, "RES-12");
        assertEquals(CellType.BLANK, Workbooks.cell(empty, "E" + res12).getCellType(), "no answer before the office has submitted");
        assertTrue(empty.getCellComment(new org.apache.poi.ss.util.CellAddress("C" + res12)).getString().getString()
                .contains("デジタル推進課が全庁分を回答します。灰色の欄は今年度の回答がまだなく空欄"));
        // The answer drop-down and the date check cover the organization-level rows as every other row.
        DataValidation answers = empty.getDataValidations().stream()
                .filter(v -> v.getValidationConstraint().getExplicitListValues() != null).findFirst().orElseThrow();
        assertTrue(List.of(answers.getRegions().getCellRangeAddresses()).stream()
                .anyMatch(r -> r.isInRange(res12 - 1, InspectionSheet.ANSWER)), "drop-down on RES-12");
        before.close();

        String office = TestUsers.officer(context, "officer-xlsx-digital", "デジタル推進課");
        assertEquals(201, Http.sendAs(client, office, HttpRequest.POST("/api/v1/inspections", json.writeValueAsBytes(
                Submissions.submission("デジタル推進課", 2022, id -> id.equals("RES-12")
                        ? Map.of("answer", "NO", "remediation", Map.of("action", "分離の設定を外部に点検させる", "dueDate", "2023-02-28"))
                        : id.equals("RES-11") ? Map.of("answer", "YES", "evidence", "ネットワーク分離方式の規程") : null)))
                .contentType(MediaType.APPLICATION_JSON)).status());
        XSSFSheet filled = Workbooks.sheet(Workbooks.open(Workbooks.template(client, officer, "department=市民課&fiscalYear=2022")));
        assertEquals("いいえ", Workbooks.cell(filled, "E" + res12).getStringCellValue());
        assertEquals("分離の設定を外部に点検させる", Workbooks.cell(filled, "H" + res12).getStringCellValue());
        assertEquals(LocalDate.of(2023, 2, 28), Workbooks.cell(filled, "I" + res12).getLocalDateTimeCellValue().toLocalDate());
        assertTrue(Workbooks.cell(filled, "I" + res12).getCellStyle().getLocked());
        int res11 = Workbooks.rowOf(filled, "RES-11");
        assertEquals("はい", Workbooks.cell(filled, "E" + res11).getStringCellValue());
        assertEquals("ネットワーク分離方式の規程", Workbooks.cell(filled, "G" + res11).getStringCellValue());
        assertTrue(filled.getCellComment(new org.apache.poi.ss.util.CellAddress("C" + res11)).getString().getString()
                .contains("灰色の欄はデジタル推進課の今年度の回答で"));

        XSSFSheet own = Workbooks.sheet(Workbooks.open(Workbooks.template(client, office, "department=デジタル推進課&fiscalYear=2022")));
        for (String itemId : ORGANIZATION_LEVEL) {
            int row = Workbooks.rowOf(own, itemId);
            for (String column : List.of("E", "G", "H", "I")) {
                assertFalse(Workbooks.cell(own, column + row).getCellStyle().getLocked(), "the office answers " + itemId + " " + column);
            }
        }
        assertEquals("いいえ", Workbooks.cell(own, "E" + Workbooks.rowOf(own, "RES-12")).getStringCellValue(), "its own answer");
    }

    /** Whatever a department types into the organization-level rows (with the protection lifted), its findings stay the same. */
    @Test
    void whatADepartmentTypesIntoOrganizationLevelRowsIsNotRead() throws Exception {
        String officer = TestUsers.officer(context, "officer-xlsx-org-typed", "市民課");
        Http.Answer plain = Workbooks.upload(client, officer, filledExample(client, officer));
        assertEquals(201, plain.status(), plain.body());
        Http.Answer typed = uploadChanged(officer, s -> {
            for (String itemId : ORGANIZATION_LEVEL) {
                int row = Workbooks.rowOf(s, itemId);
                Workbooks.set(s, "E" + row, itemId.equals("RES-12") ? "いいえ" : "たぶん");
                Workbooks.set(s, "G" + row, "課で書いた証跡");
                Workbooks.set(s, "H" + row, "課で書いた改善策");
                Workbooks.set(s, "I" + row, "来年3月");
            }
        });
        assertEquals(201, typed.status(), typed.body());
        JsonNode a = json.readTree(plain.body());
        JsonNode b = json.readTree(typed.body());
        for (String field : List.of("status", "summary", "findings", "remediations")) {
            assertEquals(a.get(field), b.get(field), field);
        }
        JsonNode stored = json.readTree(Http.sendAs(client, officer, HttpRequest.GET("/api/v1/inspections/" + b.get("id").asText())).body());
        stored.get("answers").forEach(answer -> assertFalse(ORGANIZATION_LEVEL.contains(answer.get("itemId").asText()), answer.toString()));
    }

    private record ChecklistItemRow(String id, int row, boolean organizationLevel) {
    }

    private static List<ChecklistItemRow> rows(XSSFSheet sheet) {
        return Submissions.CHECKLIST.items().stream()
                .map(i -> new ChecklistItemRow(i.id(), Workbooks.rowOf(sheet, i.id()), i.organizationLevel())).toList();
    }

    /** The current submission of 市民課 for 2025 (its id), as the list answers it. */
    private String stored(String officer) {
        return Http.sendAs(client, officer, HttpRequest.GET(Http.encodeQuery(
                "/api/v1/inspections?organization=hiratsuka&department=市民課&fiscalYear=2025"))).body();
    }

    private Http.Answer uploadChanged(String officer, java.util.function.Consumer<XSSFSheet> change) throws Exception {
        XSSFWorkbook workbook = Workbooks.open(filledExample(client, officer));
        change.accept(Workbooks.sheet(workbook));
        return Workbooks.upload(client, officer, Workbooks.bytes(workbook));
    }

    private void assertCellProblem(Http.Answer answer, String path, String messagePart) throws Exception {
        assertEquals(400, answer.status(), answer.body());
        JsonNode violations = json.readTree(answer.body()).get("violations");
        for (JsonNode v : violations) {
            if (v.get("path").asText().equals(path)) {
                assertTrue(v.get("message").asText().contains(messagePart), v.toString());
                return;
            }
        }
        throw new AssertionError("no violation at " + path + ": " + answer.body());
    }

    @Test
    void eachCellProblemIsNamedByItsCellAndNothingIsStored() throws Exception {
        String officer = TestUsers.officer(context, "officer-xlsx-cells", "市民課");
        String before = stored(officer);
        XSSFSheet template = Workbooks.sheet(Workbooks.open(filledExample(client, officer)));
        int phy02 = Workbooks.rowOf(template, "PHY-02");
        int ast02 = Workbooks.rowOf(template, "AST-02");
        int org01 = Workbooks.rowOf(template, "ORG-01");
        assertCellProblem(uploadChanged(officer, s -> Workbooks.set(s, "E" + org01, "たぶん")), "点検票!E" + org01, "はい");
        assertCellProblem(uploadChanged(officer, s -> Workbooks.set(s, "I" + phy02, "来年3月")), "点検票!I" + phy02, "日付ではありません");
        assertCellProblem(uploadChanged(officer, s -> Workbooks.set(s, "F" + ast02, 150)), "点検票!F" + ast02, "100以下");
        assertCellProblem(uploadChanged(officer, s -> Workbooks.set(s, "F" + ast02, "九十")), "点検票!F" + ast02, "数値ではありません");
        assertCellProblem(uploadChanged(officer, s -> Workbooks.set(s, "B7", "2025年10月15日頃")), "点検票!B7", "日付ではありません");
        assertCellProblem(uploadChanged(officer, s -> s.removeRow(s.getRow(phy02 - 1))), "点検票!A" + phy02, "PHY-02 の行がありません");
        int extra = 9 + Submissions.CHECKLIST.items().size() + 1;
        assertCellProblem(uploadChanged(officer, s -> {
            Workbooks.set(s, "A" + extra, "XYZ-99");
            Workbooks.set(s, "E" + extra, "はい");
        }), "点検票!A" + extra, "XYZ-99");
        assertCellProblem(uploadChanged(officer, s -> Workbooks.set(s, "G" + org01, "証跡\u202Eexe")), "点検票!G" + org01, "双方向");
        // A submittedOn outside the fiscal year and the next: found by the checker, named by its cell.
        assertCellProblem(uploadChanged(officer, s -> Workbooks.set(s, "B7", LocalDate.of(2030, 1, 1))), "点検票!B7", "");
        assertEquals(before, stored(officer), "nothing stored");
    }

    @Test
    void anEmptySubmissionDateIsTodayInJapan() throws Exception {
        String officer = TestUsers.officer(context, "officer-xlsx-today", "市民課");
        Http.Answer answer = uploadChanged(officer, s -> Workbooks.set(s, "B7", null));
        assertEquals(201, answer.status(), answer.body());
        JsonNode stored = json.readTree(Http.sendAs(client, officer,
                HttpRequest.GET("/api/v1/inspections/" + json.readTree(answer.body()).get("id").asText())).body());
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        assertTrue(stored.get("submittedOn").asText().equals(today.toString())
                || stored.get("submittedOn").asText().equals(today.minusDays(1).toString()), stored.get("submittedOn").asText());
    }

    @Test
    void aWorkbookOfAnotherDepartmentIsRefused403LikeJson() throws Exception {
        String shimin = TestUsers.officer(context, "officer-xlsx-shimin-2", "市民課");
        String other = TestUsers.officer(context, "officer-xlsx-other", "保険年金課");
        String before = stored(shimin);
        byte[] workbook = filledExample(client, shimin);
        Http.Answer answer = Workbooks.upload(client, other, workbook);
        assertEquals(403, answer.status(), answer.body());
        assertEquals(403, Http.sendAs(client, other, HttpRequest.GET(Http.encodeQuery(
                "/api/v1/templates/inspection.xlsx?department=市民課&fiscalYear=2025"))).status());
        assertEquals(before, stored(shimin), "nothing stored");
    }
}
