package jp.tenken.inspection;

import jp.tenken.api.FindingView;
import jp.tenken.checklist.AnswerType;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleMessages;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.StatusWords;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the exports of one submission show (CONTRACT §9), in Japanese, the same in the workbook and
 * the PDF: who and when, its status, every answer by chapter in the checklist's order (an answer to
 * an item the checklist lacks last, under 点検票にない項目), its findings in contract order and the
 * improvements promised by due date.
 */
record InspectionReport(String organizationName, StoredInspection stored, String checklistTitle, String statusWord,
                        List<Chapter> chapters, List<FindingView> findings,
                        List<InspectionResponse.RemediationView> remediations) {

    static final String UNKNOWN_CHAPTER = "点検票にない項目";

    /** The answers of one chapter. */
    record Chapter(String name, List<Line> lines) {
    }

    /** One item and its answer; {@code answer} is 未回答 for an item left unanswered. */
    record Line(String itemId, String question, String severity, String answer, BigDecimal value, String evidence,
                String action, LocalDate due) {
    }

    static InspectionReport of(StoredInspection stored, Checklist checklist, RuleMessages messages, String organizationName) {
        InspectionResponse response = InspectionResponse.of(stored, checklist, messages, Language.JA, true);
        Map<String, Answer> answers = new LinkedHashMap<>();
        stored.submission().answers().forEach(a -> answers.putIfAbsent(a.itemId(), a));
        Map<String, List<Line>> chapters = new LinkedHashMap<>();
        if (checklist != null) {
            for (ChecklistItem item : checklist.items()) {
                Answer answer = answers.remove(item.id());
                chapters.computeIfAbsent(item.chapter(), c -> new ArrayList<>()).add(line(item, answer));
            }
        }
        for (Answer unknown : answers.values()) {
            chapters.computeIfAbsent(UNKNOWN_CHAPTER, c -> new ArrayList<>()).add(line(null, unknown));
        }
        List<Chapter> byChapter = chapters.entrySet().stream().map(e -> new Chapter(e.getKey(), List.copyOf(e.getValue()))).toList();
        // Every finding, not the first thousand the JSON lists: the report is the department's record.
        List<FindingView> findings = FindingView.of(stored.findings(), messages, Language.JA);
        return new InspectionReport(organizationName, stored,
                checklist == null ? stored.checklistId() : checklist.title() + "(" + checklist.version() + "年版)",
                StatusWords.of(stored.status()), byChapter, findings, response.remediations());
    }

    private static Line line(ChecklistItem item, Answer answer) {
        String question = item == null ? "" : item.question();
        String severity = item == null ? "" : InspectionSheet.severityWord(item.severity().name());
        if (answer == null) {
            return new Line(item.id(), question, severity, "未回答", null, "", "", null);
        }
        String word;
        if (answer.answer() != null) {
            word = InspectionSheet.word(answer.answer().name());
        } else if (answer.value() != null) {
            word = item != null && item.answerType() == AnswerType.PERCENT ? "数値" : "";
        } else {
            word = "未回答";
        }
        return new Line(answer.itemId(), question, severity, word, answer.value(), nullToEmpty(answer.evidence()),
                answer.remediation() == null ? "" : nullToEmpty(answer.remediation().action()),
                answer.remediation() == null ? null : answer.remediation().dueDate());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The answer as one would say it: はい, 一部 …, or the value with its percent sign. */
    static String answerText(Line line) {
        if (line.value() != null) {
            return line.value().stripTrailingZeros().toPlainString() + "%";
        }
        return line.answer();
    }

    String fiscalYearLabel() {
        return JapaneseDates.fiscalYear(stored.fiscalYear());
    }

    /** ファイル名の本体: 自己点検_市民課_2025. */
    String fileName() {
        return "自己点検_" + stored.department() + "_" + stored.fiscalYear();
    }
}
