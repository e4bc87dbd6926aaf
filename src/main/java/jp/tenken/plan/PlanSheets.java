package jp.tenken.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of the plan workbook (CONTRACT §9; docs/plan-format.md "The plan workbook"): the plan
 * document of CONTRACT §2 over six sheets, each with its column titles in row 1 and one record per
 * row from row 2, plus 説明 (instructions, never read). Rows are 1-based as Excel shows them,
 * columns 0-based (A=0). Lists of texts (departments, upper plans, a year's plan items) are one
 * item per line of their cell.
 */
final class PlanSheets {

    static final String INSTRUCTIONS = "説明";
    static final String PLAN = "計画";
    static final String POLICIES = "方針";
    static final String GOALS = "目標";
    static final String INITIATIVES = "取組一覧";
    static final String YEARS = "年度計画";
    static final String DETAIL_SHEETS = "詳細シート";

    /** The sheets read from a workbook, in the order their problems are named. */
    static final List<String> DATA_SHEETS = List.of(PLAN, POLICIES, GOALS, INITIATIVES, YEARS, DETAIL_SHEETS);
    /** Sheets a workbook may leave out (a plan without goals, years or detail sheets). */
    static final List<String> OPTIONAL_SHEETS = List.of(GOALS, YEARS, DETAIL_SHEETS);

    static final int TITLES_ROW = 1;
    static final int FIRST_ROW = 2;

    // 計画: a label in column A, its value in column B, a note in column C (not read).
    static final int LABEL = 0;
    static final int VALUE = 1;
    static final int NOTE = 2;
    static final int ID_ROW = 2;
    static final int TITLE_ROW = 3;
    static final int ORGANIZATION_ROW = 4;
    static final int REVISED_ON_ROW = 5;
    static final int PERIOD_FROM_ROW = 6;
    static final int PERIOD_TO_ROW = 7;
    static final int PARENT_ID_ROW = 8;
    static final int PARENT_FROM_ROW = 9;
    static final int PARENT_TO_ROW = 10;
    static final int SOURCE_ROW = 11;
    static final List<String> PLAN_TITLES = List.of("項目", "内容", "説明");
    static final List<String> PLAN_LABELS = List.of("計画ID", "計画名", "組織ID", "改定日", "計画期間(開始年度)", "計画期間(終了年度)",
            "上位計画ID", "上位計画の期間(開始年度)", "上位計画の期間(終了年度)", "出典");
    static final List<String> PLAN_NOTES = List.of("必須。英数字など(空白・/ ? # % \\ は使えません)", "必須", "必須。例 hiratsuka",
            "必須。最終改定日(例 2025-07-08)", "必須。年度(例 2024)", "必須。年度(例 2026)", "任意", "任意。年度", "任意。年度",
            "任意。出典などのメモ");

    // 方針
    static final int POLICY_ID = 0;
    static final int POLICY_NAME = 1;
    static final int POLICY_SECURITY = 2;
    static final int POLICY_GROUP = 3;
    static final List<String> POLICY_TITLES = List.of("方針ID", "方針名", "情報セキュリティ", "区分");

    // 目標: fixed columns, then pairs (実績年度n, 実績値n) as many as the goal has actuals.
    static final int GOAL_ID = 0;
    static final int GOAL_NAME = 1;
    static final int GOAL_UNIT = 2;
    static final int GOAL_CUMULATIVE = 3;
    static final int BASELINE_YEAR = 4;
    static final int BASELINE_VALUE = 5;
    static final int TARGET_YEAR = 6;
    static final int TARGET_VALUE = 7;
    static final int FIRST_ACTUAL = 8;
    static final List<String> GOAL_TITLES = List.of("目標ID", "目標名", "単位", "累計", "基準年度", "基準値", "目標年度", "目標値");
    /** Pairs of actual columns a template or an export shows at least. */
    static final int SHOWN_ACTUALS = 3;

    // 取組一覧
    static final int NO = 0;
    static final int POLICY = 1;
    static final int TITLE = 2;
    static final int PRIORITY = 3;
    static final int KIND = 4;
    static final int DEPARTMENTS = 5;
    static final int UPPER_PLANS = 6;
    static final int PURPOSE = 7;
    static final int SUMMARY = 8;
    static final int CATEGORY = 9;
    static final int BUDGET = 10;
    static final int SUPPLEMENTARY_BUDGET = 11;
    static final int STATUS = 12;
    static final int REPOST_OF = 13;
    static final int INITIATIVE_NOTE = 14;
    static final List<String> INITIATIVE_TITLES = List.of("No.", "方針ID", "取組名", "重点", "区分", "担当課", "上位計画", "目的",
            "概要", "小柱", "予算(千円)", "3月補正(千円)", "進捗", "再掲元No.", "備考");

    // 年度計画: one row per initiative and fiscal year; the initiative by its No.
    static final int YEAR_NO = 0;
    static final int FISCAL_YEAR = 1;
    static final int YEAR_PLAN = 2;
    static final int YEAR_RESULT = 3;
    static final int AUDITED = 4;
    static final int YEAR_OCCURRENCE = 5;
    static final List<String> YEAR_TITLES = List.of("No.", "年度", "計画", "実績", "監査実施課数", "同じNo.の何番目");

    // 詳細シート: the printed header of an initiative's detail sheet; the initiative by its No.
    static final int SHEET_NO = 0;
    static final int SHEET_POLICY = 1;
    static final int SHEET_TITLE = 2;
    static final int SHEET_DEPARTMENTS = 3;
    static final int SHEET_OCCURRENCE = 4;
    /** The upper plans the detail sheet prints (sheet.upperPlans), one per line; (記載なし) for a cell printed empty. */
    static final int SHEET_UPPER_PLANS = 5;
    static final List<String> SHEET_TITLES = List.of("No.", "方針ID", "取組名", "実施課", "同じNo.の何番目", "上位計画");
    /** A detail sheet that prints an empty 実施課 (an empty list, not a missing one). */
    static final String NO_DEPARTMENT = "(記載なし)";

    /** The mark of a yes in a column of marks (重点, 情報セキュリティ, 累計); an empty cell is a no. */
    static final String MARK = "○";
    static final List<String> MARKS = List.of("○", "〇", "◯", "●");

    static final Map<String, InitiativeKind> KINDS = new LinkedHashMap<>();
    static final Map<String, InitiativeStatus> STATUSES = new LinkedHashMap<>();

    static {
        KINDS.put("新規", InitiativeKind.NEW);
        KINDS.put("拡充", InitiativeKind.EXPANDED);
        KINDS.put("継続", InitiativeKind.CONTINUING);
        STATUSES.put("未着手", InitiativeStatus.NOT_STARTED);
        STATUSES.put("実施中", InitiativeStatus.IN_PROGRESS);
        STATUSES.put("完了", InitiativeStatus.DONE);
    }

    private PlanSheets() {
    }

    static <E extends Enum<E>> String word(Map<String, E> words, E value) {
        return words.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey).findFirst().orElse(value.name());
    }

    /** The column titles of a data sheet (目標: its fixed columns). */
    static List<String> titles(String sheet) {
        return switch (sheet) {
            case PLAN -> PLAN_TITLES;
            case POLICIES -> POLICY_TITLES;
            case GOALS -> GOAL_TITLES;
            case INITIATIVES -> INITIATIVE_TITLES;
            case YEARS -> YEAR_TITLES;
            case DETAIL_SHEETS -> SHEET_TITLES;
            default -> List.of();
        };
    }
}
