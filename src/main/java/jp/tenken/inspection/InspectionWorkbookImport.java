package jp.tenken.inspection;

import jakarta.inject.Singleton;
import jp.tenken.account.Caller;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.document.DocumentReader;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.document.TextFlaws;
import jp.tenken.spreadsheet.Cell;
import jp.tenken.spreadsheet.SheetCells;
import jp.tenken.spreadsheet.Xlsx;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.tenken.inspection.InspectionSheet.*;

/**
 * A filled self-inspection workbook ({@link InspectionSheet}) made into the same
 * {@link InspectionSubmission} as a JSON body, validated with the same constraints and submitted
 * through {@link InspectionService#submit}: the same checks, permissions, status and findings.
 * Every problem names its cell ({@code 点検票!E12}) in {@code violations[].path}; nothing of a
 * refused workbook is stored. 提出日 (B7) left empty is today in Japan. 章, 設問, 重要度 and 備考
 * are not read (備考 is the department's own note; the submission has no field for it).
 */
@Singleton
public class InspectionWorkbookImport {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Pattern ANSWER_PATH = Pattern.compile("^answers\\[(\\d+)](?:\\.(.*))?$");

    private final InspectionChecker checker;
    private final InspectionService service;
    private final DocumentReader reader;
    private final Clock clock;

    public InspectionWorkbookImport(InspectionChecker checker, InspectionService service, DocumentReader reader, Clock clock) {
        this.checker = checker;
        this.service = service;
        this.reader = reader;
        this.clock = clock;
    }

    /** Reads, checks and stores the workbook's submission as the caller's (403 for a department not the caller's). */
    public StoredInspection submit(Caller caller, byte[] body) {
        Read read = read(body);
        try {
            return service.submit(caller, read.submission);
        } catch (DocumentRejectedException e) {
            throw read.renamed(e);
        }
    }

    /** The workbook as a submission, validated; refused with each problem named by its cell. */
    Read read(byte[] body) {
        SheetCells cells = Xlsx.readSheet(body, SHEET);
        List<Problem> problems = new ArrayList<>();
        requireLayout(cells);
        for (int row : cells.rowsAfter(0)) {
            for (int column = 0; column <= NOTE; column++) {
                Optional<Cell> cell = cells.cell(row, column);
                if (cell.isPresent() && cell.get().formula()) {
                    problems.add(Problem.of(cells.path(row, column), "xlsx.formula"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        String checklistId = cells.text(CHECKLIST_ROW, VALUE).strip();
        Checklist checklist = checker.checklist(checklistId);
        String version = cells.text(VERSION_ROW, VALUE).strip();
        if (!version.equals(checklist.version())) {
            throw invalid(List.of(Problem.of(cells.path(VERSION_ROW, VALUE), "inspection.xlsx.version",
                    "version", version, "current", checklist.version())));
        }
        Integer fiscalYear = cells.cell(FISCAL_YEAR_ROW, VALUE).flatMap(Cell::number)
                .filter(n -> n.stripTrailingZeros().scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(1_000_000)) < 0)
                .map(BigDecimal::intValue).orElse(null);
        if (fiscalYear == null) {
            problems.add(Problem.of(cells.path(FISCAL_YEAR_ROW, VALUE), "document.type.integer"));
        }
        LocalDate submittedOn = LocalDate.now(clock.withZone(JAPAN));
        Optional<Cell> submitted = cells.cell(SUBMITTED_ON_ROW, VALUE).filter(c -> !c.blank());
        if (submitted.isPresent()) {
            submittedOn = date(cells, submitted.get(), problems);
        }

        // A department's workbook shows the organization-level items read-only (the security office's answers
        // or nothing): their rows are not the department's answers and are passed over, whatever they hold.
        boolean organizationLevelAsked = checker.answersOrganizationLevel(cells.text(ORGANIZATION_ROW, VALUE).strip(),
                cells.text(DEPARTMENT_ROW, VALUE).strip());
        Map<String, Integer> rowOf = new HashMap<>();
        Map<Integer, Integer> rowOfAnswer = new HashMap<>();
        List<Answer> answers = new ArrayList<>();
        for (int row : cells.rowsAfter(COLUMN_TITLES_ROW)) {
            boolean empty = true;
            for (int column = CHAPTER; column <= NOTE; column++) {
                if (cells.cell(row, column).filter(c -> !c.blank()).isPresent()) {
                    empty = false;
                }
            }
            String itemId = cells.text(row, ITEM_ID).strip();
            if (itemId.isEmpty()) {
                if (!empty) {
                    problems.add(Problem.of(cells.path(row, ITEM_ID), "inspection.xlsx.item-id-missing"));
                }
                continue;
            }
            Optional<ChecklistItem> item = checklist.item(itemId);
            if (item.isEmpty()) {
                problems.add(Problem.of(cells.path(row, ITEM_ID), "inspection.xlsx.item-unknown", "itemId", itemId,
                        "checklist", checklist.id()));
                continue;
            }
            if (rowOf.putIfAbsent(itemId, row) != null) {
                problems.add(Problem.of(cells.path(row, ITEM_ID), "inspection.xlsx.item-duplicate", "itemId", itemId,
                        "row", String.valueOf(rowOf.get(itemId))));
                continue;
            }
            if (item.get().organizationLevel() && !organizationLevelAsked) {
                continue;
            }
            Answer answer = answer(cells, row, itemId, problems);
            if (answer != null) {
                rowOfAnswer.put(answers.size(), row);
                answers.add(answer);
            }
        }
        List<ChecklistItem> items = checklist.items();
        for (int i = 0; i < items.size(); i++) {
            if (!rowOf.containsKey(items.get(i).id())) {
                problems.add(Problem.of(cells.path(FIRST_ITEM_ROW + i, ITEM_ID), "inspection.xlsx.item-missing",
                        "itemId", items.get(i).id()));
            }
        }
        Read read = new Read(null, cells, rowOfAnswer);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        InspectionSubmission submission = new InspectionSubmission(checklistId, text(cells, ORGANIZATION_ROW, VALUE, problems),
                text(cells, DEPARTMENT_ROW, VALUE, problems), fiscalYear, submittedOn, answers);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        try {
            reader.validated(submission);
        } catch (DocumentRejectedException e) {
            throw read.renamed(e);
        }
        return new Read(submission, cells, rowOfAnswer);
    }

    /** One item's row as an answer; null when nothing is filled in (an unanswered item, as the form leaves it out). */
    private static Answer answer(SheetCells cells, int row, String itemId, List<Problem> problems) {
        AnswerValue answer = null;
        String word = cells.text(row, ANSWER).strip();
        if (!word.isEmpty()) {
            answer = ANSWERS.get(word);
            if (answer == null) {
                problems.add(Problem.of(cells.path(row, ANSWER), "inspection.xlsx.answer", "value", shortened(word)));
            }
        }
        BigDecimal value = null;
        Optional<Cell> percent = cells.cell(row, PERCENT).filter(c -> !c.blank());
        if (percent.isPresent()) {
            value = percent.get().number().orElse(null);
            if (value == null) {
                problems.add(Problem.of(cells.path(row, PERCENT), "inspection.xlsx.number", "value",
                        shortened(percent.get().displayText())));
            }
        }
        String evidence = text(cells, row, EVIDENCE, problems);
        String action = text(cells, row, ACTION, problems);
        LocalDate due = null;
        Optional<Cell> dueCell = cells.cell(row, DUE).filter(c -> !c.blank());
        if (dueCell.isPresent()) {
            due = date(cells, dueCell.get(), problems);
        }
        if (answer == null && word.isEmpty() && percent.isEmpty() && evidence == null && action == null && dueCell.isEmpty()) {
            return null;
        }
        Remediation remediation = action == null && dueCell.isEmpty() ? null : new Remediation(action, due);
        return new Answer(itemId, answer, value, evidence, remediation);
    }

    private static LocalDate date(SheetCells cells, Cell cell, List<Problem> problems) {
        Optional<LocalDate> date = cell.localDate();
        if (date.isEmpty()) {
            problems.add(Problem.of(cells.path(cell.row(), cell.column()), "inspection.xlsx.date", "value",
                    shortened(cell.displayText())));
        }
        return date.orElse(null);
    }

    /** A text cell's text, null when empty; a text with a flaw (a control character, …) is a problem of its cell. */
    private static String text(SheetCells cells, int row, int column, List<Problem> problems) {
        String text = cells.text(row, column);
        if (text.isBlank()) {
            return null;
        }
        String flaw = TextFlaws.of(text);
        if (flaw != null) {
            problems.add(Problem.of(cells.path(row, column), flaw));
        }
        return text;
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Refuses a sheet 点検票 whose labels are not where Tenken writes them: another layout. */
    private static void requireLayout(SheetCells cells) {
        for (int i = 0; i < HEADER_LABELS.size(); i++) {
            requireLabel(cells, ORGANIZATION_ROW + i, LABEL, HEADER_LABELS.get(i));
        }
        for (int c = 0; c < COLUMN_TITLES.size(); c++) {
            requireLabel(cells, COLUMN_TITLES_ROW, c, COLUMN_TITLES.get(c));
        }
    }

    private static void requireLabel(SheetCells cells, int row, int column, String expected) {
        if (!cells.text(row, column).strip().equals(expected)) {
            throw invalid(List.of(Problem.of(cells.path(row, column), "xlsx.layout", "sheet", cells.sheet(),
                    "expected", expected)));
        }
    }

    private static DocumentRejectedException invalid(List<Problem> problems) {
        return new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED, "document.invalid", problems);
    }

    /** A submission read from a workbook, and where each of its fields stands in the sheet. */
    record Read(InspectionSubmission submission, SheetCells cells, Map<Integer, Integer> rowOfAnswer) {

        /** The same refusal with each field's path replaced by its cell ({@code answers[3].value} → {@code 点検票!F13}). */
        DocumentRejectedException renamed(DocumentRejectedException e) {
            List<Problem> problems = e.problems().stream()
                    .map(p -> new Problem(cell(p.path()), p.key(), p.params())).toList();
            return new DocumentRejectedException(e.reason(), e.summaryKey(), problems);
        }

        private String cell(String path) {
            Map<String, Integer> header = new LinkedHashMap<>();
            header.put("organization", ORGANIZATION_ROW);
            header.put("department", DEPARTMENT_ROW);
            header.put("fiscalYear", FISCAL_YEAR_ROW);
            header.put("checklistId", CHECKLIST_ROW);
            header.put("submittedOn", SUBMITTED_ON_ROW);
            if (header.containsKey(path)) {
                return cells.path(header.get(path), VALUE);
            }
            if (path.equals("answers")) {
                return cells.sheet();
            }
            Matcher m = ANSWER_PATH.matcher(path);
            if (m.matches() && rowOfAnswer.containsKey(Integer.parseInt(m.group(1)))) {
                int row = rowOfAnswer.get(Integer.parseInt(m.group(1)));
                String field = m.group(2) == null ? "" : m.group(2);
                int column = switch (field) {
                    case "answer" -> ANSWER;
                    case "value" -> PERCENT;
                    case "evidence" -> EVIDENCE;
                    case "remediation", "remediation.action" -> ACTION;
                    case "remediation.dueDate" -> DUE;
                    default -> ITEM_ID;
                };
                return cells.path(row, column);
            }
            return path;
        }
    }
}
