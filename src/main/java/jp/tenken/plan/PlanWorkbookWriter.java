package jp.tenken.plan;

import jp.tenken.spreadsheet.TextCells;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.tenken.plan.PlanSheets.*;

/**
 * Writes a plan as the plan workbook ({@link PlanSheets}), or the empty workbook with its
 * instructions. What {@link PlanWorkbookReader} reads back is the same plan: every text as it was
 * (quote-prefixed where a spreadsheet would run it, {@link TextCells}), numbers as number cells
 * unless Excel's 15 significant digits would change one (then as text), the revision date as a
 * date cell. A plan of thousands of initiatives is written with POI's streaming workbook, which
 * holds only a window of rows in memory.
 */
final class PlanWorkbookWriter {

    /** Rows the drop-downs and marks cover at least, so that a template has them where one types. */
    private static final int VALIDATED_ROWS = 1_000;

    /**
     * Rows (initiatives and their years) above which the workbook is streamed: below, POI's
     * in-memory workbook is faster (the streaming one writes each sheet through a temporary file).
     */
    static final int STREAMED_ROWS = 2_000;

    private final Workbook workbook;
    private final TextCells texts;
    private final Styles styles;

    private PlanWorkbookWriter(Workbook workbook) {
        this.workbook = workbook;
        this.texts = new TextCells(workbook);
        this.styles = new Styles(workbook);
    }

    /** The empty plan workbook: instructions, and each sheet with its column titles. */
    static byte[] template() {
        return new PlanWorkbookWriter(new XSSFWorkbook()).workbook(null);
    }

    /** The plan in the workbook's layout. */
    static byte[] export(PlanDocument plan) {
        int rows = plan.initiatives().size() + plan.initiatives().stream().mapToInt(i -> i.years().size()).sum();
        return new PlanWorkbookWriter(rows > STREAMED_ROWS ? new SXSSFWorkbook(200) : new XSSFWorkbook()).workbook(plan);
    }

    private byte[] workbook(PlanDocument plan) {
        try (workbook) {
            instructions();
            plan(plan);
            policies(plan == null ? List.of() : plan.policies());
            goals(plan == null ? List.of() : plan.goals());
            List<Initiative> initiatives = plan == null ? List.of() : plan.initiatives();
            Map<Integer, Integer> counts = new HashMap<>();
            initiatives.forEach(i -> counts.merge(i.no(), 1, Integer::sum));
            initiatives(initiatives);
            years(initiatives, counts);
            detailSheets(initiatives, counts);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void instructions() {
        Sheet sheet = workbook.createSheet(INSTRUCTIONS);
        sheet.setColumnWidth(0, 110 * 256);
        int row = 0;
        for (String line : PlanWorkbookInstructions.LINES) {
            Row r = sheet.createRow(row++);
            texts.set(r.createCell(0), line, line.startsWith("■") ? styles.heading : styles.wrap);
        }
    }

    private void plan(PlanDocument plan) {
        Sheet sheet = data(PLAN, new int[] {26, 70, 50});
        List<Object> values = new ArrayList<>();
        if (plan != null) {
            ParentPlan parent = plan.parent();
            Period parentPeriod = parent == null ? null : parent.period();
            values.addAll(java.util.Arrays.asList(plan.id(), plan.title(), plan.organization(), plan.revisedOn(),
                    plan.period().from(), plan.period().to(), parent == null ? null : parent.id(),
                    parentPeriod == null ? null : parentPeriod.from(), parentPeriod == null ? null : parentPeriod.to(), plan.source()));
        }
        for (int i = 0; i < PLAN_LABELS.size(); i++) {
            Row row = sheet.createRow(ID_ROW - 1 + i);
            texts.set(row.createCell(LABEL), PLAN_LABELS.get(i), styles.label);
            Object value = values.isEmpty() ? null : values.get(i);
            if (value instanceof java.time.LocalDate date) {
                row.createCell(VALUE).setCellValue(date);
                row.getCell(VALUE).setCellStyle(styles.date);
            } else if (value instanceof Integer n) {
                number(row, VALUE, n);
            } else {
                texts.set(row.createCell(VALUE), (String) value, i == TITLE_ROW - ID_ROW || i == SOURCE_ROW - ID_ROW ? styles.wrap : styles.plain);
            }
            texts.set(row.createCell(NOTE), PLAN_NOTES.get(i), styles.note);
        }
    }

    private void policies(List<Policy> policies) {
        Sheet sheet = data(POLICIES, new int[] {10, 40, 16, 24});
        int r = FIRST_ROW - 1;
        for (Policy policy : policies) {
            Row row = sheet.createRow(r++);
            text(row, POLICY_ID, policy.id());
            text(row, POLICY_NAME, policy.name());
            mark(row, POLICY_SECURITY, policy.security());
            text(row, POLICY_GROUP, policy.group());
        }
        marks(sheet, POLICY_SECURITY, policies.size());
    }

    private void goals(List<Goal> goals) {
        int pairs = Math.max(SHOWN_ACTUALS, goals.stream().mapToInt(g -> g.actuals().size()).max().orElse(0));
        int[] widths = new int[FIRST_ACTUAL + 2 * pairs];
        int[] fixed = {10, 40, 8, 6, 10, 12, 10, 12};
        for (int c = 0; c < widths.length; c++) {
            widths[c] = c < fixed.length ? fixed[c] : 12;
        }
        Sheet sheet = data(GOALS, widths);
        Row titles = sheet.getRow(TITLES_ROW - 1);
        for (int n = 1; n <= pairs; n++) {
            texts.set(titles.createCell(FIRST_ACTUAL + 2 * (n - 1)), "実績年度" + n, styles.title);
            texts.set(titles.createCell(FIRST_ACTUAL + 2 * (n - 1) + 1), "実績値" + n, styles.title);
        }
        int r = FIRST_ROW - 1;
        for (Goal goal : goals) {
            Row row = sheet.createRow(r++);
            text(row, GOAL_ID, goal.id());
            text(row, GOAL_NAME, goal.name());
            text(row, GOAL_UNIT, goal.unit());
            mark(row, GOAL_CUMULATIVE, goal.cumulative());
            point(row, BASELINE_YEAR, goal.baseline());
            point(row, TARGET_YEAR, goal.target());
            for (int i = 0; i < goal.actuals().size(); i++) {
                point(row, FIRST_ACTUAL + 2 * i, goal.actuals().get(i));
            }
        }
        marks(sheet, GOAL_CUMULATIVE, goals.size());
    }

    private void point(Row row, int yearColumn, GoalPoint point) {
        if (point == null) {
            return;
        }
        number(row, yearColumn, point.fiscalYear());
        GoalValue value = point.value();
        if (value == null) {
            return;
        }
        if (value.numeric()) {
            // A goal's number is a number cell even past Excel's 15 digits: a text there is a qualitative goal.
            row.createCell(yearColumn + 1).setCellValue(value.number().doubleValue());
            row.getCell(yearColumn + 1).setCellStyle(styles.plain);
        } else {
            text(row, yearColumn + 1, value.text());
        }
    }

    private void initiatives(List<Initiative> initiatives) {
        Sheet sheet = data(INITIATIVES, new int[] {6, 8, 36, 6, 8, 22, 22, 40, 40, 20, 12, 12, 8, 10, 30});
        int r = FIRST_ROW - 1;
        for (Initiative initiative : initiatives) {
            Row row = sheet.createRow(r++);
            number(row, NO, initiative.no());
            text(row, POLICY, initiative.policyId());
            text(row, TITLE, initiative.title());
            mark(row, PRIORITY, initiative.priority());
            text(row, KIND, initiative.kind() == null ? null : word(KINDS, initiative.kind()));
            text(row, DEPARTMENTS, lines(initiative.departments()));
            text(row, UPPER_PLANS, lines(initiative.upperPlans()));
            text(row, PURPOSE, initiative.purpose());
            text(row, SUMMARY, initiative.summary());
            text(row, CATEGORY, initiative.category());
            decimal(row, BUDGET, initiative.budgetThousandYen());
            decimal(row, SUPPLEMENTARY_BUDGET, initiative.supplementaryBudgetThousandYen());
            text(row, STATUS, initiative.status() == null ? null : word(STATUSES, initiative.status()));
            number(row, REPOST_OF, initiative.repostOf());
            text(row, INITIATIVE_NOTE, initiative.note());
        }
        marks(sheet, PRIORITY, initiatives.size());
        list(sheet, KIND, KINDS.keySet(), initiatives.size());
        list(sheet, STATUS, STATUSES.keySet(), initiatives.size());
    }

    private void years(List<Initiative> initiatives, Map<Integer, Integer> counts) {
        Sheet sheet = data(YEARS, new int[] {6, 8, 40, 60, 12, 14});
        int r = FIRST_ROW - 1;
        Map<Integer, Integer> occurrences = new HashMap<>();
        for (Initiative initiative : initiatives) {
            int occurrence = occurrences.merge(initiative.no(), 1, Integer::sum);
            for (InitiativeYear year : initiative.years()) {
                Row row = sheet.createRow(r++);
                number(row, YEAR_NO, initiative.no());
                number(row, FISCAL_YEAR, year.fiscalYear());
                text(row, YEAR_PLAN, lines(year.plan()));
                text(row, YEAR_RESULT, year.result());
                number(row, AUDITED, year.auditedDepartments());
                if (counts.get(initiative.no()) > 1) {
                    number(row, YEAR_OCCURRENCE, occurrence);
                }
            }
        }
    }

    private void detailSheets(List<Initiative> initiatives, Map<Integer, Integer> counts) {
        Sheet sheet = data(DETAIL_SHEETS, new int[] {6, 8, 36, 30, 14});
        int r = FIRST_ROW - 1;
        Map<Integer, Integer> occurrences = new HashMap<>();
        for (Initiative initiative : initiatives) {
            int occurrence = occurrences.merge(initiative.no(), 1, Integer::sum);
            jp.tenken.plan.Sheet detail = initiative.sheet();
            if (detail == null) {
                continue;
            }
            Row row = sheet.createRow(r++);
            number(row, SHEET_NO, initiative.no());
            text(row, SHEET_POLICY, detail.policyId());
            text(row, SHEET_TITLE, detail.title());
            text(row, SHEET_DEPARTMENTS, detail.departments() == null ? null
                    : detail.departments().isEmpty() ? NO_DEPARTMENT : lines(detail.departments()));
            if (counts.get(initiative.no()) > 1) {
                number(row, SHEET_OCCURRENCE, occurrence);
            }
            text(row, SHEET_UPPER_PLANS, detail.upperPlans() == null ? null
                    : detail.upperPlans().isEmpty() ? NO_DEPARTMENT : lines(detail.upperPlans()));
        }
    }

    /** A data sheet with its column titles in row 1, frozen, with filters. */
    private Sheet data(String name, int[] widths) {
        Sheet sheet = workbook.createSheet(name);
        List<String> titles = titles(name);
        Row row = sheet.createRow(TITLES_ROW - 1);
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        for (int c = 0; c < titles.size(); c++) {
            texts.set(row.createCell(c), titles.get(c), styles.title);
        }
        sheet.createFreezePane(name.equals(PLAN) ? 1 : 0, 1);
        if (!name.equals(PLAN)) {
            sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, titles.size() - 1));
        }
        return sheet;
    }

    private void text(Row row, int column, String value) {
        texts.set(row.createCell(column), value, value != null && value.length() > 30 || value != null && value.indexOf('\n') >= 0
                ? styles.wrap : styles.plain);
    }

    private void number(Row row, int column, Integer value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
            row.getCell(column).setCellStyle(styles.plain);
        }
    }

    /** A number cell when Excel keeps the number exactly as written; a text otherwise ({@code 888.50}, 20 digits). */
    private void decimal(Row row, int column, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (exactAsDouble(value)) {
            row.createCell(column).setCellValue(value.doubleValue());
            row.getCell(column).setCellStyle(styles.plain);
        } else {
            text(row, column, value.toPlainString());
        }
    }

    /** Whether the number read back from a number cell (as {@link jp.tenken.spreadsheet.Cell#number} reads it) is this one. */
    static boolean exactAsDouble(BigDecimal value) {
        double d = value.doubleValue();
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return false;
        }
        BigDecimal back = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (back.scale() < 0) {
            back = back.setScale(0);
        }
        return back.equals(value);
    }

    private void mark(Row row, int column, boolean value) {
        text(row, column, value ? MARK : null);
    }

    private static String lines(List<String> items) {
        return items == null || items.isEmpty() ? null : String.join("\n", items);
    }

    private void marks(Sheet sheet, int column, int rows) {
        list(sheet, column, List.of(MARK), rows);
    }

    /** A drop-down on a column, from row 2 down over the data and at least {@link #VALIDATED_ROWS} rows. */
    private void list(Sheet sheet, int column, Collection<String> words, int rows) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(words.toArray(String[]::new)),
                new CellRangeAddressList(FIRST_ROW - 1, FIRST_ROW - 1 + Math.max(rows, VALIDATED_ROWS), column, column));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(CellReference.convertNumToColString(column) + "列", String.join("・", words) + " から選ぶか、空欄にしてください");
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }

    /** The few styles of the workbook, made once. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle label;
        final CellStyle heading;
        final CellStyle plain;
        final CellStyle wrap;
        final CellStyle note;
        final CellStyle date;

        Styles(Workbook workbook) {
            Font base = workbook.getFontAt(0);
            base.setFontName("游ゴシック");
            base.setFontHeightInPoints((short) 11);
            Font bold = workbook.createFont();
            bold.setFontName("游ゴシック");
            bold.setBold(true);
            title = workbook.createCellStyle();
            title.setFont(bold);
            title.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            title.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            title.setBorderBottom(BorderStyle.THIN);
            title.setWrapText(true);
            title.setVerticalAlignment(VerticalAlignment.TOP);
            label = workbook.createCellStyle();
            label.cloneStyleFrom(title);
            heading = workbook.createCellStyle();
            heading.setFont(bold);
            plain = workbook.createCellStyle();
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            wrap = workbook.createCellStyle();
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            wrap.setWrapText(true);
            note = workbook.createCellStyle();
            note.setVerticalAlignment(VerticalAlignment.TOP);
            note.setWrapText(true);
            date = workbook.createCellStyle();
            date.setVerticalAlignment(VerticalAlignment.TOP);
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }
}
