package jp.tenken.plan;

import jakarta.inject.Singleton;
import jp.tenken.document.DocumentReader;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.document.TextFlaws;
import jp.tenken.spreadsheet.Cell;
import jp.tenken.spreadsheet.SheetCells;
import jp.tenken.spreadsheet.Xlsx;
import org.apache.poi.ss.util.CellReference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static jp.tenken.plan.PlanSheets.*;

/**
 * A plan workbook ({@link PlanSheets}) made into the same {@link PlanDocument} as a JSON or YAML
 * body and validated with the same constraints. Every problem names its cell ({@code 取組一覧!C7})
 * or, for a whole list, its sheet in {@code violations[].path}, in the words of the document's own
 * messages. Nothing is evaluated: a formula anywhere in a data sheet is refused, as in the
 * self-inspection workbook; hostile files are refused by {@link Xlsx}.
 *
 * <p>Values are read as a person typed them: a number typed into a text column is its digits, a
 * number kept as text in a number column is that number, a date is a date cell or a text
 * {@code 2025-07-08}. An empty cell is a value not given.
 */
@Singleton
public final class PlanWorkbookReader {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]$");

    private final DocumentReader reader;

    public PlanWorkbookReader(DocumentReader reader) {
        this.reader = reader;
    }

    /** The plan of a workbook sent to the service: at most {@link Xlsx#MAX_ROWS} rows a sheet. */
    public Read read(byte[] body) {
        return read(body, Xlsx.MAX_ROWS);
    }

    /** The plan of a workbook, validated; refused with each problem named by its cell. */
    public Read read(byte[] body, int maxRows) {
        Map<String, SheetCells> sheets = Xlsx.readSheets(body, DATA_SHEETS, maxRows);
        for (String sheet : DATA_SHEETS) {
            if (!sheets.containsKey(sheet) && !OPTIONAL_SHEETS.contains(sheet)) {
                throw DocumentRejectedException.malformed(Problem.of("", "xlsx.sheet-missing", "sheet", sheet));
            }
        }
        Parse parse = new Parse(sheets, false);
        PlanDocument plan = parse.plan();
        // Where each field came from is only needed to name a refused field: found by reading again then.
        Read read = new Read(plan, () -> {
            Parse recorded = new Parse(sheets, true);
            recorded.plan();
            return recorded.cells;
        });
        if (!parse.problems.isEmpty()) {
            // Sheet by sheet, row by row, left to right: as one reads the workbook.
            parse.problems.sort(Comparator.comparing((Problem p) -> position(p.path())));
            throw invalid(parse.problems);
        }
        try {
            reader.validated(plan);
        } catch (DocumentRejectedException e) {
            throw read.renamed(e);
        }
        return read;
    }

    /** A plan read from a workbook, and how to find the cell (or sheet) each of its fields was read from. */
    public record Read(PlanDocument plan, Supplier<Map<String, String>> cellsOfFields) {

        /** The same refusal with each field's path replaced by its cell ({@code initiatives[5].title} → {@code 取組一覧!C7}). */
        public DocumentRejectedException renamed(DocumentRejectedException e) {
            Map<String, String> cells = cellsOfFields.get();
            List<Problem> problems = e.problems().stream().map(p -> new Problem(cell(cells, p.path()), p.key(), p.params())).toList();
            return new DocumentRejectedException(e.reason(), e.summaryKey(), problems);
        }

        /** The cell of a field, else of the nearest field holding it, else the path as it is. */
        private static String cell(Map<String, String> cells, String path) {
            for (String p = path; !p.isEmpty(); p = parent(p)) {
                String cell = cells.get(p);
                if (cell != null) {
                    return cell;
                }
            }
            return path;
        }

        private static String parent(String path) {
            var index = INDEX.matcher(path);
            if (index.find()) {
                return path.substring(0, index.start());
            }
            int dot = path.lastIndexOf('.');
            return dot < 0 ? "" : path.substring(0, dot);
        }
    }

    /** Where a cell stands for sorting: its sheet's place, row, column ({@code 取組一覧!C7} → 3, 7, 2). */
    private static long position(String path) {
        int bang = path.lastIndexOf('!');
        String sheet = bang < 0 ? path : path.substring(0, bang);
        long order = DATA_SHEETS.indexOf(sheet) + 1L;
        if (bang < 0) {
            return order << 40;
        }
        CellReference ref = new CellReference(path.substring(bang + 1));
        return (order << 40) + ((long) ref.getRow() << 16) + ref.getCol();
    }

    private static DocumentRejectedException invalid(List<Problem> problems) {
        return new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED, "document.invalid", problems);
    }

    /** One reading of a workbook: the values, where each came from, and what is wrong. */
    private static final class Parse {
        private final Map<String, SheetCells> sheets;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, String> cells = new HashMap<>();
        private final boolean record;
        private boolean unreadableNumbers;

        /** With {@code record}, where each field is read from is kept in {@link #cells}. */
        Parse(Map<String, SheetCells> sheets, boolean record) {
            this.sheets = sheets;
            this.record = record;
            cells.put("policies", POLICIES);
            cells.put("goals", GOALS);
            cells.put("initiatives", INITIATIVES);
        }

        PlanDocument plan() {
            for (String name : DATA_SHEETS) {
                SheetCells sheet = sheets.get(name);
                if (sheet != null) {
                    requireLayout(sheet);
                    refuseFormulas(sheet);
                }
            }
            if (!problems.isEmpty()) {
                return null;
            }
            SheetCells plan = sheets.get(PLAN);
            String id = text(plan, ID_ROW, VALUE, "id");
            String title = text(plan, TITLE_ROW, VALUE, "title");
            String organization = text(plan, ORGANIZATION_ROW, VALUE, "organization");
            LocalDate revisedOn = date(plan, REVISED_ON_ROW, VALUE, "revisedOn");
            note("period", plan, PERIOD_FROM_ROW, VALUE);
            Period period = new Period(integer(plan, PERIOD_FROM_ROW, VALUE, "period.from"),
                    integer(plan, PERIOD_TO_ROW, VALUE, "period.to"));
            ParentPlan parent = null;
            String parentId = text(plan, PARENT_ID_ROW, VALUE, "parent.id");
            Integer parentFrom = integer(plan, PARENT_FROM_ROW, VALUE, "parent.period.from");
            Integer parentTo = integer(plan, PARENT_TO_ROW, VALUE, "parent.period.to");
            note("parent", plan, PARENT_ID_ROW, VALUE);
            note("parent.period", plan, PARENT_FROM_ROW, VALUE);
            if (parentId != null || given(plan, PARENT_FROM_ROW, VALUE) || given(plan, PARENT_TO_ROW, VALUE)) {
                boolean periodGiven = given(plan, PARENT_FROM_ROW, VALUE) || given(plan, PARENT_TO_ROW, VALUE);
                parent = new ParentPlan(parentId, periodGiven ? new Period(parentFrom, parentTo) : null);
            }
            String source = text(plan, SOURCE_ROW, VALUE, "source");
            List<Policy> policies = policies(sheets.get(POLICIES));
            List<Goal> goals = goals(sheets.get(GOALS));
            List<Initiative> initiatives = initiatives();
            return new PlanDocument(id, title, organization, revisedOn, period, parent, source, policies, goals, initiatives);
        }

        private List<Policy> policies(SheetCells sheet) {
            List<Policy> policies = new ArrayList<>();
            for (int row : sheet.rowsAfter(TITLES_ROW)) {
                if (emptyRow(sheet, row, POLICY_TITLES.size())) {
                    continue;
                }
                String path = "policies[" + policies.size() + "]";
                note(path, sheet, row, POLICY_ID);
                policies.add(new Policy(text(sheet, row, POLICY_ID, path + ".id"), text(sheet, row, POLICY_NAME, path + ".name"),
                        mark(sheet, row, POLICY_SECURITY, path + ".security"), text(sheet, row, POLICY_GROUP, path + ".group")));
            }
            return policies;
        }

        private List<Goal> goals(SheetCells sheet) {
            List<Goal> goals = new ArrayList<>();
            if (sheet == null) {
                return goals;
            }
            for (int row : sheet.rowsAfter(TITLES_ROW)) {
                int lastColumn = lastColumn(sheet, row);
                if (lastColumn < 0) {
                    continue;
                }
                String path = "goals[" + goals.size() + "]";
                note(path, sheet, row, GOAL_ID);
                GoalPoint baseline = point(sheet, row, BASELINE_YEAR, path + ".baseline");
                GoalPoint target = point(sheet, row, TARGET_YEAR, path + ".target");
                List<GoalPoint> actuals = new ArrayList<>();
                note(path + ".actuals", sheet, row, FIRST_ACTUAL);
                for (int column = FIRST_ACTUAL; column <= lastColumn; column += 2) {
                    String actual = path + ".actuals[" + actuals.size() + "]";
                    GoalPoint point = point(sheet, row, column, actual);
                    if (point != null) {
                        actuals.add(point);
                    }
                }
                goals.add(new Goal(text(sheet, row, GOAL_ID, path + ".id"), text(sheet, row, GOAL_NAME, path + ".name"),
                        text(sheet, row, GOAL_UNIT, path + ".unit"), mark(sheet, row, GOAL_CUMULATIVE, path + ".cumulative"),
                        baseline, target, actuals));
            }
            return goals;
        }

        /** A goal's year and value in two cells side by side; null when both are empty. */
        private GoalPoint point(SheetCells sheet, int row, int yearColumn, String path) {
            note(path, sheet, row, yearColumn);
            if (!given(sheet, row, yearColumn) && !given(sheet, row, yearColumn + 1)) {
                return null;
            }
            Integer year = integer(sheet, row, yearColumn, path + ".fiscalYear");
            note(path + ".value", sheet, row, yearColumn + 1);
            GoalValue value = null;
            Optional<Cell> cell = filled(sheet, row, yearColumn + 1);
            if (cell.isPresent()) {
                Cell c = cell.get();
                if (c.kind() == Cell.Kind.NUMBER && !c.date()) {
                    value = c.number().map(n -> new GoalValue(n, null)).orElse(null);
                } else if (c.kind() == Cell.Kind.TEXT) {
                    String text = text(sheet, row, yearColumn + 1, path + ".value");
                    value = text == null ? null : new GoalValue(null, text);
                } else {
                    problem(sheet, row, yearColumn + 1, "document.type.goal-value");
                }
            }
            return new GoalPoint(year, value);
        }

        private List<Initiative> initiatives() {
            SheetCells list = sheets.get(INITIATIVES);
            List<Integer> rows = new ArrayList<>();
            Map<Key, Integer> indexOf = new HashMap<>();
            Map<Integer, Integer> seen = new HashMap<>();
            for (int row : list.rowsAfter(TITLES_ROW)) {
                if (emptyRow(list, row, INITIATIVE_TITLES.size())) {
                    continue;
                }
                int index = rows.size();
                rows.add(row);
                Integer no = integer(list, row, NO, "initiatives[" + index + "].no");
                if (no != null) {
                    indexOf.put(new Key(no, seen.merge(no, 1, Integer::sum)), index);
                } else if (given(list, row, NO)) {
                    unreadableNumbers = true;
                }
            }
            List<List<InitiativeYear>> years = new ArrayList<>();
            List<Sheet> detail = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                years.add(new ArrayList<>());
                detail.add(null);
            }
            SheetCells yearSheet = sheets.get(YEARS);
            if (yearSheet != null) {
                for (int row : yearSheet.rowsAfter(TITLES_ROW)) {
                    if (emptyRow(yearSheet, row, YEAR_TITLES.size())) {
                        continue;
                    }
                    Integer index = initiative(yearSheet, row, YEAR_NO, YEAR_OCCURRENCE, indexOf);
                    if (index == null) {
                        continue;
                    }
                    String path = "initiatives[" + index + "].years[" + years.get(index).size() + "]";
                    note(path, yearSheet, row, FISCAL_YEAR);
                    years.get(index).add(new InitiativeYear(integer(yearSheet, row, FISCAL_YEAR, path + ".fiscalYear"),
                            lines(yearSheet, row, YEAR_PLAN, path + ".plan"), text(yearSheet, row, YEAR_RESULT, path + ".result"),
                            integer(yearSheet, row, AUDITED, path + ".auditedDepartments")));
                }
            }
            SheetCells detailSheet = sheets.get(DETAIL_SHEETS);
            if (detailSheet != null) {
                Map<Integer, Integer> rowOfSheet = new HashMap<>();
                for (int row : detailSheet.rowsAfter(TITLES_ROW)) {
                    if (emptyRow(detailSheet, row, SHEET_TITLES.size())) {
                        continue;
                    }
                    Integer index = initiative(detailSheet, row, SHEET_NO, SHEET_OCCURRENCE, indexOf);
                    if (index == null) {
                        continue;
                    }
                    Integer earlier = rowOfSheet.putIfAbsent(index, row);
                    if (earlier != null) {
                        problem(detailSheet, row, SHEET_NO, "plan.xlsx.sheet-duplicate", "row", String.valueOf(earlier));
                        continue;
                    }
                    String path = "initiatives[" + index + "].sheet";
                    note(path, detailSheet, row, SHEET_NO);
                    List<String> departments = detailSheet.text(row, SHEET_DEPARTMENTS).equals(NO_DEPARTMENT) ? List.of()
                            : given(detailSheet, row, SHEET_DEPARTMENTS) ? lines(detailSheet, row, SHEET_DEPARTMENTS, path + ".departments")
                            : null;
                    List<String> upperPlans = detailSheet.text(row, SHEET_UPPER_PLANS).equals(NO_DEPARTMENT) ? List.of()
                            : given(detailSheet, row, SHEET_UPPER_PLANS) ? lines(detailSheet, row, SHEET_UPPER_PLANS, path + ".upperPlans")
                            : null;
                    detail.set(index, new Sheet(text(detailSheet, row, SHEET_POLICY, path + ".policyId"),
                            text(detailSheet, row, SHEET_TITLE, path + ".title"), departments, upperPlans));
                }
            }
            List<Initiative> initiatives = new ArrayList<>();
            for (int index = 0; index < rows.size(); index++) {
                int row = rows.get(index);
                String path = "initiatives[" + index + "]";
                note(path, list, row, NO);
                note(path + ".no", list, row, NO);
                initiatives.add(new Initiative(integerAt(list, row, NO), text(list, row, POLICY, path + ".policyId"),
                        text(list, row, TITLE, path + ".title"), mark(list, row, PRIORITY, path + ".priority"),
                        word(list, row, KIND, KINDS, InitiativeKind.class, path + ".kind"),
                        lines(list, row, DEPARTMENTS, path + ".departments"), lines(list, row, UPPER_PLANS, path + ".upperPlans"),
                        text(list, row, PURPOSE, path + ".purpose"), text(list, row, SUMMARY, path + ".summary"),
                        text(list, row, CATEGORY, path + ".category"), decimal(list, row, BUDGET, path + ".budgetThousandYen"),
                        decimal(list, row, SUPPLEMENTARY_BUDGET, path + ".supplementaryBudgetThousandYen"),
                        word(list, row, STATUS, STATUSES, InitiativeStatus.class, path + ".status"),
                        integer(list, row, REPOST_OF, path + ".repostOf"), text(list, row, INITIATIVE_NOTE, path + ".note"),
                        years.get(index), detail.get(index)));
                if (record) {
                    cells.put(path + ".years", YEARS);
                }
            }
            return initiatives;
        }

        /** The index of the initiative a row of 年度計画 or 詳細シート names by its No. (and which of a repeated No.). */
        private Integer initiative(SheetCells sheet, int row, int noColumn, int occurrenceColumn, Map<Key, Integer> indexOf) {
            if (!given(sheet, row, noColumn)) {
                problem(sheet, row, noColumn, "plan.xlsx.no-missing");
                return null;
            }
            Integer no = integerAt(sheet, row, noColumn);
            if (no == null) {
                problem(sheet, row, noColumn, "document.type.integer");
                return null;
            }
            int occurrence = 1;
            if (given(sheet, row, occurrenceColumn)) {
                Integer n = integerAt(sheet, row, occurrenceColumn);
                if (n == null || n < 1) {
                    problem(sheet, row, occurrenceColumn, "document.type.integer");
                    return null;
                }
                occurrence = n;
            }
            Integer index = indexOf.get(new Key(no, occurrence));
            // While a No. of the list cannot be read, a row naming no readable one may mean it: that cell is the problem.
            if (index == null && !unreadableNumbers) {
                problem(sheet, row, noColumn, "plan.xlsx.initiative-unknown", "no", String.valueOf(no),
                        "occurrence", String.valueOf(occurrence));
            }
            return index;
        }

        private record Key(int no, int occurrence) {
        }

        // ---- cells ----

        /** Keeps where a field is read from, when this reading records it. */
        private void note(String path, SheetCells sheet, int row, int column) {
            if (record) {
                cells.put(path, sheet.path(row, column));
            }
        }

        private void requireLayout(SheetCells sheet) {
            List<String> titles = titles(sheet.sheet());
            for (int column = 0; column < titles.size(); column++) {
                requireLabel(sheet, TITLES_ROW, column, titles.get(column));
            }
            if (sheet.sheet().equals(PLAN)) {
                for (int i = 0; i < PLAN_LABELS.size(); i++) {
                    requireLabel(sheet, ID_ROW + i, LABEL, PLAN_LABELS.get(i));
                }
            }
        }

        private void requireLabel(SheetCells sheet, int row, int column, String expected) {
            if (!sheet.text(row, column).strip().equals(expected)) {
                throw invalid(List.of(Problem.of(sheet.path(row, column), "xlsx.layout", "sheet", sheet.sheet(), "expected", expected)));
            }
        }

        private void refuseFormulas(SheetCells sheet) {
            for (int row : sheet.rowsAfter(0)) {
                for (int column : sheet.columns(row)) {
                    if (sheet.cell(row, column).map(Cell::formula).orElse(false)) {
                        problem(sheet, row, column, "xlsx.formula");
                    }
                }
            }
        }

        private boolean emptyRow(SheetCells sheet, int row, int columns) {
            for (int column = 0; column < columns; column++) {
                if (given(sheet, row, column)) {
                    return false;
                }
            }
            return true;
        }

        private static int lastColumn(SheetCells sheet, int row) {
            int last = -1;
            for (int column : sheet.columns(row)) {
                if (given(sheet, row, column)) {
                    last = column;
                }
            }
            return last;
        }

        private static boolean given(SheetCells sheet, int row, int column) {
            return filled(sheet, row, column).isPresent();
        }

        /** A cell that holds something: an empty text is no value. */
        private static Optional<Cell> filled(SheetCells sheet, int row, int column) {
            return sheet.cell(row, column).filter(c -> c.text() != null && !c.text().isEmpty());
        }

        private void problem(SheetCells sheet, int row, int column, String key, String... params) {
            problems.add(Problem.of(sheet.path(row, column), key, params));
        }

        /** A text as written (a number typed into it as its digits); null when the cell is empty. */
        private String text(SheetCells sheet, int row, int column, String path) {
            note(path, sheet, row, column);
            Optional<Cell> cell = filled(sheet, row, column);
            if (cell.isEmpty()) {
                return null;
            }
            if (cell.get().kind() == Cell.Kind.ERROR) {
                problem(sheet, row, column, "document.type.text");
                return null;
            }
            String text = cell.get().displayText();
            String flaw = TextFlaws.of(text);
            if (flaw != null) {
                problem(sheet, row, column, flaw);
            }
            return text;
        }

        /** A list of texts, one a line; empty lines are no items. */
        private List<String> lines(SheetCells sheet, int row, int column, String path) {
            String text = text(sheet, row, column, path);
            if (text == null) {
                return List.of();
            }
            return Arrays.stream(text.split("\r\n|\r|\n")).filter(line -> !line.isEmpty()).toList();
        }

        private boolean mark(SheetCells sheet, int row, int column, String path) {
            note(path, sheet, row, column);
            Optional<Cell> cell = filled(sheet, row, column);
            if (cell.isEmpty()) {
                return false;
            }
            String text = cell.get().displayText().strip();
            if (cell.get().kind() == Cell.Kind.BOOLEAN) {
                return text.equals("TRUE");
            }
            if (MARKS.contains(text)) {
                return true;
            }
            if (!text.isEmpty()) {
                problem(sheet, row, column, "plan.xlsx.mark", "value", shortened(text));
            }
            return false;
        }

        private <E extends Enum<E>> E word(SheetCells sheet, int row, int column, Map<String, E> words, Class<E> type, String path) {
            note(path, sheet, row, column);
            Optional<Cell> cell = filled(sheet, row, column);
            if (cell.isEmpty()) {
                return null;
            }
            String text = cell.get().displayText().strip();
            E value = words.get(text);
            if (value == null) {
                value = Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(text)).findFirst().orElse(null);
            }
            if (value == null && !text.isEmpty()) {
                problem(sheet, row, column, "plan.xlsx.word", "value", shortened(text), "allowed", String.join("・", words.keySet()));
            }
            return value;
        }

        private Integer integer(SheetCells sheet, int row, int column, String path) {
            note(path, sheet, row, column);
            if (!given(sheet, row, column)) {
                return null;
            }
            Integer value = integerAt(sheet, row, column);
            if (value == null) {
                problem(sheet, row, column, "document.type.integer");
            }
            return value;
        }

        /** An integer cell (or a text of digits); null when it holds anything else. */
        private static Integer integerAt(SheetCells sheet, int row, int column) {
            Optional<BigDecimal> n = filled(sheet, row, column).filter(c -> !c.date() && c.kind() != Cell.Kind.BOOLEAN)
                    .filter(c -> c.kind() == Cell.Kind.NUMBER || NUMBER.matcher(c.text().strip()).matches())
                    .flatMap(Cell::number);
            if (n.isEmpty() || n.get().scale() > 0 || n.get().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                return null;
            }
            return n.get().intValueExact();
        }

        /**
         * A number as exact as it was written: a number cell as Excel keeps it, a text of digits as
         * the text says ({@code 888.50} stays 888.50, which an export writes as text for that reason).
         */
        private BigDecimal decimal(SheetCells sheet, int row, int column, String path) {
            note(path, sheet, row, column);
            Optional<Cell> cell = filled(sheet, row, column);
            if (cell.isEmpty()) {
                return null;
            }
            Cell c = cell.get();
            if (c.kind() == Cell.Kind.NUMBER && !c.date()) {
                return c.number().orElseGet(() -> {
                    problem(sheet, row, column, "document.type.number");
                    return null;
                });
            }
            String text = c.text().strip();
            if (c.kind() == Cell.Kind.TEXT && text.length() <= 60 && NUMBER.matcher(text).matches()) {
                return new BigDecimal(text);
            }
            problem(sheet, row, column, "document.type.number");
            return null;
        }

        private LocalDate date(SheetCells sheet, int row, int column, String path) {
            note(path, sheet, row, column);
            Optional<Cell> cell = filled(sheet, row, column);
            if (cell.isEmpty()) {
                return null;
            }
            Optional<LocalDate> date = cell.get().localDate();
            if (date.isEmpty()) {
                problem(sheet, row, column, "document.type.date");
            }
            return date.orElse(null);
        }

        private static String shortened(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }
    }
}
