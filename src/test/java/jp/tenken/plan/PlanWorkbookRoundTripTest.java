package jp.tenken.plan;

import jp.tenken.TestEngine;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.spreadsheet.Xlsx;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan workbook holds a plan exactly: written and read back, it is the same document (record
 * equality: every field, list and number as it was), so it gives the same findings.
 */
class PlanWorkbookRoundTripTest {

    private final PlanWorkbookReader workbooks = new PlanWorkbookReader(TestEngine.reader());

    private static PlanDocument seed(Path file) throws Exception {
        return TestEngine.reader().read(Files.readAllBytes(file), DocumentFormat.YAML, PlanDocument.class);
    }

    @TestFactory
    Stream<DynamicTest> everySeedPlanReadsBackAsTheSameDocument() throws Exception {
        try (Stream<Path> plans = Files.list(TestEngine.SEEDS.resolve("plans"))) {
            return plans.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        PlanDocument plan = seed(file);
                        PlanDocument back = workbooks.read(PlanWorkbookWriter.export(plan)).plan();
                        assertEquals(plan, back);
                        assertEquals(TestEngine.planChecker().check(plan).findings(), TestEngine.planChecker().check(back).findings());
                    }));
        }
    }

    /** The corners a real plan seldom has: repeated numbers, an empty sheet list, exact decimals, texts a spreadsheet would run. */
    @Test
    void unusualValuesReadBackAsTheyWere() {
        List<String> hostile = List.of("=1+2", "+81-3", "-5", "@SUM(A1)", "\tタブ", "\r改行", "=HYPERLINK(\"http://x\")");
        Initiative first = new Initiative(5, "P1", hostile.get(0), true, InitiativeKind.NEW, List.of(hostile.get(1), "デジタル推進課"),
                List.of(hostile.get(3)), hostile.get(4), hostile.get(5), hostile.get(6), new BigDecimal("888.50"),
                new BigDecimal("123456789012345.123456"), InitiativeStatus.DONE, null, "  前後に空白  ",
                List.of(new InitiativeYear(2024, List.of("-研修", "@自己点検"), "=実績", 3),
                        new InitiativeYear(2025, List.of(), null, null)),
                new Sheet("P1", "-題", List.of(), List.of("=上位計画", "第2次計画")));
        Initiative second = new Initiative(5, null, "同じ番号", false, null, List.of(), List.of(), null, null, null,
                new BigDecimal("-1000"), null, null, 5, null, List.of(new InitiativeYear(2026, List.of("計画"), null, null)),
                new Sheet(null, null, null, List.of()));
        Initiative third = new Initiative(7, "P2", "7番", false, InitiativeKind.CONTINUING, List.of("市民課"), List.of(), null, null,
                null, null, null, InitiativeStatus.NOT_STARTED, null, null, List.of(), null);
        Goal goal = new Goal("G1", "=目標", "件", true, new GoalPoint(2020, new GoalValue(new BigDecimal("3"), null)),
                new GoalPoint(2023, new GoalValue(null, "構築済み")),
                List.of(new GoalPoint(2021, new GoalValue(new BigDecimal("4.5"), null)), new GoalPoint(2022, null),
                        new GoalPoint(2023, new GoalValue(null, "-"))));
        PlanDocument plan = new PlanDocument("p-1", "+計画", "hiratsuka", LocalDate.of(2025, 7, 8), new Period(2024, 2026),
                new ParentPlan(null, new Period(2024, 2027)), "@出典", List.of(new Policy("P1", "-方針", true, "=区分"),
                new Policy("P2", "行政", false, null)), List.of(goal), List.of(first, second, third));
        byte[] workbook = PlanWorkbookWriter.export(TestEngine.reader().validated(plan));
        assertEquals(plan, workbooks.read(workbook).plan());
    }

    @Test
    void textsThatWouldRunAreQuotePrefixedInTheFile() throws Exception {
        PlanDocument plan = new PlanDocument("p-2", "=1+1", "hiratsuka", LocalDate.of(2025, 7, 8), new Period(2024, 2026), null, null,
                List.of(new Policy("P1", "方針", false, null)), List.of(), List.of());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(PlanWorkbookWriter.export(plan)))) {
            XSSFCell title = workbook.getSheet(PlanSheets.PLAN).getRow(PlanSheets.TITLE_ROW - 1).getCell(PlanSheets.VALUE);
            assertEquals(CellType.STRING, title.getCellType());
            assertEquals("=1+1", title.getStringCellValue());
            assertTrue(title.getCellStyle().getQuotePrefixed());
            XSSFCell id = workbook.getSheet(PlanSheets.PLAN).getRow(PlanSheets.ID_ROW - 1).getCell(PlanSheets.VALUE);
            assertFalse(id.getCellStyle().getQuotePrefixed());
        }
    }

    @Test
    void theTemplateHasEverySheetAndReadsAsAPlanMissingItsRequiredFields() throws Exception {
        byte[] template = PlanWorkbookWriter.template();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertEquals(PlanSheets.INSTRUCTIONS, workbook.getSheetName(0));
            for (String sheet : PlanSheets.DATA_SHEETS) {
                assertTrue(workbook.getSheet(sheet) != null, sheet);
            }
        }
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> workbooks.read(template));
        List<String> paths = e.problems().stream().map(p -> p.path()).toList();
        assertTrue(paths.containsAll(List.of("計画!B2", "計画!B3", "計画!B4", "計画!B5", "方針")), paths.toString());
    }

    @Test
    void aJsonFileIsNoWorkbook() {
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> workbooks.read("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("xlsx.not-zip", e.problems().get(0).key());
        assertTrue(Xlsx.MAX_ROWS > 0);
    }
}
