package jp.tenken.inspection;

import java.util.List;
import java.util.Map;

/**
 * The layout of the self-inspection workbook (CONTRACT §9; README "The self-inspection workbook"):
 * one sheet 点検票, header cells in A2:B7, the column titles in row 9, one row per checklist item
 * from row 10 in the checklist's order. Rows are 1-based as Excel shows them, columns 0-based (A=0).
 */
final class InspectionSheet {

    static final String SHEET = "点検票";

    static final int TITLE_ROW = 1;
    static final int ORGANIZATION_ROW = 2;
    static final int DEPARTMENT_ROW = 3;
    static final int FISCAL_YEAR_ROW = 4;
    static final int CHECKLIST_ROW = 5;
    static final int VERSION_ROW = 6;
    static final int SUBMITTED_ON_ROW = 7;
    /** Header labels are in column A, their values in column B. */
    static final int LABEL = 0;
    static final int VALUE = 1;

    static final int COLUMN_TITLES_ROW = 9;
    static final int FIRST_ITEM_ROW = 10;

    static final int ITEM_ID = 0;
    static final int CHAPTER = 1;
    static final int QUESTION = 2;
    static final int SEVERITY = 3;
    static final int ANSWER = 4;
    static final int PERCENT = 5;
    static final int EVIDENCE = 6;
    static final int ACTION = 7;
    static final int DUE = 8;
    static final int NOTE = 9;

    static final List<String> HEADER_LABELS = List.of("組織", "所属(課)", "年度", "点検票ID", "点検票の版", "提出日");
    static final List<String> COLUMN_TITLES = List.of("項番", "章", "設問", "重要度", "回答", "数値(%)", "証跡", "改善策", "期限", "備考");

    /** The drop-down's words and the answers they stand for, in the drop-down's order. */
    static final Map<String, AnswerValue> ANSWERS = new java.util.LinkedHashMap<>();

    static {
        ANSWERS.put("はい", AnswerValue.YES);
        ANSWERS.put("一部", AnswerValue.PARTIAL);
        ANSWERS.put("いいえ", AnswerValue.NO);
        ANSWERS.put("該当なし", AnswerValue.NA);
    }

    private InspectionSheet() {
    }

    /** The drop-down word of an answer code ({@code YES} → はい); the code itself when it is none. */
    static String word(String code) {
        return ANSWERS.entrySet().stream().filter(e -> e.getValue().name().equals(code)).map(Map.Entry::getKey)
                .findFirst().orElse(code);
    }

    static String severityWord(String severity) {
        return switch (severity) {
            case "HIGH" -> "高";
            case "MEDIUM" -> "中";
            case "LOW" -> "低";
            default -> severity;
        };
    }
}
