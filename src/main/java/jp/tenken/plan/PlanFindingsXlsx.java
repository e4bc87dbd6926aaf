package jp.tenken.plan;

import jp.tenken.engine.Finding;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.spreadsheet.ExportWorkbook;
import jp.tenken.spreadsheet.ExportWorkbook.Fill;
import jp.tenken.text.JapaneseDates;

import java.util.List;

/**
 * The findings of a stored plan version as an Excel workbook (CONTRACT §9), for the plan editors to
 * share and sort: the version's facts and counts, then every finding (not only the first thousand
 * the JSON lists) with its severity, rule, target in words and message, in contract order, the
 * header filterable. Severity is a word on a colour, never the colour alone.
 */
final class PlanFindingsXlsx {

    static final List<String> HEADER = List.of("重要度", "ルール", "ルール名", "対象", "取組No.", "年度", "指摘");

    private PlanFindingsXlsx() {
    }

    private static Fill fill(jp.tenken.engine.Severity severity) {
        return switch (severity) {
            case ERROR -> Fill.RED;
            case WARNING -> Fill.YELLOW;
            case INFO -> Fill.NONE;
        };
    }

    static byte[] write(StoredPlan plan, String title, RuleBase ruleBase) {
        try (ExportWorkbook book = new ExportWorkbook()) {
            ExportWorkbook.Sheet sheet = book.sheet("指摘", 8, 28, 24, 30, 8, 8, 80);
            long errors = plan.findings().stream().filter(f -> f.severity() == jp.tenken.engine.Severity.ERROR).count();
            long warnings = plan.findings().stream().filter(f -> f.severity() == jp.tenken.engine.Severity.WARNING).count();
            sheet.title(title + " 第" + plan.version() + "版の指摘")
                    .fact("計画ID", plan.planId(), Fill.NONE)
                    .fact("版", String.valueOf(plan.version()), Fill.NONE)
                    .fact("保存", (plan.storedBy() == null ? "" : plan.storedBy() + " ")
                            + JapaneseDates.dateTime(plan.storedAt().atZoneSameInstant(JapaneseDates.JAPAN).toLocalDateTime()), Fill.NONE)
                    .fact("ルールの版", plan.rulesVersion(), Fill.NONE)
                    .fact("指摘", plan.findings().size() + "件(エラー " + errors + "件、警告 " + warnings + "件、情報 "
                            + (plan.findings().size() - errors - warnings) + "件)", Fill.NONE)
                    .blank()
                    .header(HEADER);
            for (Finding f : plan.findings()) {
                sheet.line().text(FindingsTable.severityWord(f.severity()), fill(f.severity())).text(f.ruleId())
                        .text(FindingsTable.ruleTitle(ruleBase, f.ruleId())).wrapped(FindingsTable.describe(f.target()))
                        .number(f.target().initiativeNo()).number(f.target().fiscalYear())
                        .wrapped(ruleBase.messages().render(f, Language.JA));
            }
            sheet.endTable();
            return book.bytes();
        }
    }
}
