package jp.tenken.inspection;

import jp.tenken.api.FindingView;
import jp.tenken.pdf.PdfReport;
import jp.tenken.pdf.PdfReport.Cell;
import jp.tenken.pdf.PdfReport.Fill;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.StatusWords;

import java.util.ArrayList;
import java.util.List;

/**
 * A stored self-inspection as a printable report (CONTRACT §9), A4 portrait, for the 課長 to check
 * and sign: the facts of the submission and its status, the findings, the improvements promised
 * by due date, every answer by chapter, and boxes to sign and stamp (課長 ・ 担当).
 */
final class InspectionPdf {

    private InspectionPdf() {
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
        String title = "情報セキュリティ自己点検 報告書";
        String footer = report.organizationName() + " " + s.department() + " " + report.fiscalYearLabel() + " 自己点検(ID " + s.id() + ")";
        try (PdfReport pdf = PdfReport.a4(false, title + " " + s.department() + " " + report.fiscalYearLabel(), footer)) {
            pdf.title(title);
            pdf.facts(List.of(
                    pair("組織", report.organizationName()), pair("課", s.department()),
                    pair("年度", report.fiscalYearLabel()), pair("提出日", JapaneseDates.date(s.submittedOn())),
                    pair("点検票", report.checklistTitle()), pair("提出者", s.submittedBy() == null ? "" : s.submittedBy()),
                    new Cell[]{Cell.of("状況"), new Cell(report.statusWord() + (s.current() ? "" : "(置き換え済み)"), fill(s.status()))},
                    pair("指摘", report.findings().size() + "件")), 2);
            pdf.signatures("確認日", List.of("課長", "担当"));

            pdf.heading("指摘(" + report.findings().size() + "件)");
            if (report.findings().isEmpty()) {
                pdf.paragraph("指摘はありません。");
            } else {
                List<Cell[]> rows = new ArrayList<>();
                for (FindingView f : report.findings()) {
                    rows.add(new Cell[]{Cell.of(StatusWords.severity(f.severity())), Cell.of(f.target().itemId() == null ? "" : f.target().itemId()),
                            Cell.of(f.message()), Cell.of(f.ruleId())});
                }
                pdf.table(new PdfReport.Table(new float[]{8, 9, 58, 20}, List.of("重要度", "項番", "指摘", "ルール")), rows);
            }

            pdf.heading("改善策と期限(" + report.remediations().size() + "件)");
            if (report.remediations().isEmpty()) {
                pdf.paragraph("改善策はありません。");
            } else {
                List<Cell[]> rows = new ArrayList<>();
                for (InspectionResponse.RemediationView r : report.remediations()) {
                    rows.add(new Cell[]{Cell.of(r.dueDate() == null ? "" : JapaneseDates.date(r.dueDate()).replace(" (", "\n(")), Cell.of(r.itemId()),
                            Cell.of(r.question() == null ? "" : r.question()), Cell.of(r.action())});
                }
                pdf.table(new PdfReport.Table(new float[]{20, 9, 35, 35}, List.of("期限", "項番", "設問", "改善策")), rows);
            }

            pdf.heading("回答");
            for (InspectionReport.Chapter chapter : report.chapters()) {
                pdf.paragraph("■ " + chapter.name());
                List<Cell[]> rows = new ArrayList<>();
                for (InspectionReport.Line line : chapter.lines()) {
                    String remediation = line.action().isEmpty() && line.due() == null ? ""
                            : line.action() + (line.due() == null ? "" : "(期限 " + line.due() + ")");
                    rows.add(new Cell[]{Cell.of(line.itemId()), Cell.of(line.question()), Cell.of(line.severity()),
                            Cell.of(InspectionReport.answerText(line)), Cell.of(line.evidence()), Cell.of(remediation)});
                }
                pdf.table(new PdfReport.Table(new float[]{9, 39, 7, 7, 19, 19}, List.of("項番", "設問", "重要度", "回答", "証跡", "改善策")), rows);
            }
            return pdf.bytes();
        }
    }

    private static Cell[] pair(String label, String value) {
        return new Cell[]{Cell.of(label), Cell.of(value)};
    }
}
