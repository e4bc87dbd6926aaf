package jp.tenken.inspection;

import jp.tenken.api.FindingView;
import jp.tenken.spreadsheet.ExportWorkbook;
import jp.tenken.spreadsheet.ExportWorkbook.Fill;
import jp.tenken.web.StatusWords;

import java.util.List;

/**
 * A stored self-inspection as an Excel workbook (CONTRACT §9), to keep or total: 回答 (the facts of
 * the submission, then every answer with its chapter, filterable), 指摘 and 改善策 (by due date).
 * It is a record of what was submitted, not the form to fill in (that is
 * {@code /api/v1/templates/inspection.xlsx}).
 */
final class InspectionXlsx {

    static final List<String> ANSWER_HEADER = List.of("章", "項番", "設問", "重要度", "回答", "数値(%)", "証跡", "改善策", "期限");

    private InspectionXlsx() {
    }

    static Fill fill(InspectionStatus status) {
        return switch (status) {
            case COMPLIANT -> Fill.GREEN;
            case NEEDS_IMPROVEMENT -> Fill.YELLOW;
            case NON_COMPLIANT -> Fill.RED;
        };
    }

    static byte[] write(InspectionReport report) {
        StoredInspection s = report.stored();
        try (ExportWorkbook book = new ExportWorkbook()) {
            ExportWorkbook.Sheet answers = book.sheet("回答", 16, 10, 60, 7, 9, 9, 32, 32, 11);
            answers.title(s.department() + " 自己点検 " + report.fiscalYearLabel())
                    .fact("組織", report.organizationName(), Fill.NONE)
                    .fact("課", s.department(), Fill.NONE)
                    .fact("年度", report.fiscalYearLabel(), Fill.NONE)
                    .fact("点検票", report.checklistTitle(), Fill.NONE)
                    .fact("提出日", s.submittedOn().toString(), Fill.NONE)
                    .fact("提出者", s.submittedBy() == null ? "" : s.submittedBy(), Fill.NONE)
                    .fact("状況", report.statusWord() + (s.current() ? "" : "(後の提出に置き換えられています)"), fill(s.status()))
                    .fact("指摘", report.findings().size() + "件", Fill.NONE)
                    .blank()
                    .header(ANSWER_HEADER);
            for (InspectionReport.Chapter chapter : report.chapters()) {
                for (InspectionReport.Line line : chapter.lines()) {
                    answers.line().text(chapter.name()).text(line.itemId()).wrapped(line.question()).text(line.severity())
                            .text(line.answer()).number(line.value()).wrapped(line.evidence()).wrapped(line.action()).date(line.due());
                }
            }
            answers.endTable();

            ExportWorkbook.Sheet findings = book.sheet("指摘", 8, 26, 10, 80);
            findings.title("指摘 " + s.department() + " " + report.fiscalYearLabel())
                    .header(List.of("重要度", "ルール", "項番", "指摘"));
            for (FindingView f : report.findings()) {
                findings.line().text(StatusWords.severity(f.severity())).text(f.ruleId()).text(f.target().itemId()).wrapped(f.message());
            }
            findings.endTable();

            ExportWorkbook.Sheet remediations = book.sheet("改善策", 10, 50, 50, 11);
            remediations.title("改善策 " + s.department() + " " + report.fiscalYearLabel())
                    .header(List.of("項番", "設問", "改善策", "期限"));
            for (InspectionResponse.RemediationView r : report.remediations()) {
                remediations.line().text(r.itemId()).wrapped(r.question()).wrapped(r.action()).date(r.dueDate());
            }
            remediations.endTable();
            return book.bytes();
        }
    }
}
