package jp.tenken.compliance;

import jp.tenken.api.FindingView;
import jp.tenken.audit.AuditStanding;
import jp.tenken.engine.Language;
import jp.tenken.inspection.InspectionStatus;
import jp.tenken.pdf.PdfReport;
import jp.tenken.pdf.PdfReport.Cell;
import jp.tenken.pdf.PdfReport.Fill;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.StatusWords;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The compliance list as a printable PDF (CONTRACT §9), A4 landscape, to attach to a report to the
 * 情報セキュリティ委員会: the count of each status, then one line per department with its status
 * word on the status's colour and its findings (the header repeats on each page), then the
 * corrective actions of audits still open on the as-of date.
 */
final class CompliancePdf {

    private CompliancePdf() {
    }

    static Fill fill(InspectionStatus status) {
        return switch (status) {
            case COMPLIANT -> Fill.GREEN;
            case NEEDS_IMPROVEMENT -> Fill.YELLOW;
            case NON_COMPLIANT -> Fill.RED;
        };
    }

    static byte[] write(ComplianceList list, List<AuditStanding.OpenAction> actions, String organizationName) {
        String title = "適合状況一覧 " + organizationName + " " + JapaneseDates.fiscalYear(list.fiscalYear());
        try (PdfReport pdf = PdfReport.a4(true, title, title + " ・ " + JapaneseDates.date(list.asOf()) + "時点")) {
            Map<InspectionStatus, Integer> counts = new EnumMap<>(InspectionStatus.class);
            list.units().forEach(u -> counts.merge(u.status(), 1, Integer::sum));
            pdf.title(title);
            List<Cell[]> facts = new ArrayList<>();
            facts.add(new Cell[]{Cell.of("判定日"), Cell.of(JapaneseDates.date(list.asOf()))});
            facts.add(new Cell[]{Cell.of("対象"), Cell.of(list.units().size() + "課")});
            for (InspectionStatus status : CompliancePage.WORST_FIRST) {
                facts.add(new Cell[]{new Cell(StatusWords.of(status), fill(status)), Cell.of(counts.getOrDefault(status, 0) + "課")});
            }
            pdf.facts(facts, 3);
            List<Cell[]> rows = new ArrayList<>(list.units().size());
            for (UnitCompliance unit : list.units()) {
                UnitCompliance.SelfInspection si = unit.selfInspection();
                rows.add(new Cell[]{
                        Cell.of(unit.department()),
                        new Cell(StatusWords.of(unit.status()), fill(unit.status())),
                        Cell.of(si.submitted() ? "提出済み" : "未提出"),
                        Cell.of(si.submitted() ? si.errors() + " / " + si.warnings() : "—"),
                        Cell.of(unit.lastAuditedFiscalYear() == null ? "—" : JapaneseDates.fiscalYear(unit.lastAuditedFiscalYear())),
                        Cell.of(String.valueOf(unit.openAuditActions())),
                        Cell.of(unit.findings().stream().map(f -> f.messageInFiles(Language.JA)).collect(Collectors.joining("\n")))});
            }
            pdf.table(new PdfReport.Table(new float[]{14, 6, 6, 7, 10, 7, 50},
                    List.of("課", "状況", "自己点検", "エラー / 警告", "最終監査", "未完了の是正措置", "指摘")), rows);

            ComplianceList.OrganizationLevel level = list.organizationLevel();
            if (level != null) {
                // The organization-level items, answered by the security office, apart from the departments (CONTRACT §15).
                pdf.heading("組織全体の項目(" + level.securityOffice() + "が全庁分を回答)");
                if (!level.submitted()) {
                    pdf.paragraph("今年度の組織全体の項目はまだ回答されていません。");
                } else {
                    pdf.paragraph("状況: " + StatusWords.of(level.status()) + "(各課の状況には影響しません)");
                    List<Cell[]> org = new ArrayList<>();
                    for (FindingView f : level.findings()) {
                        org.add(new Cell[]{Cell.of(f.ruleId()), Cell.of(f.target().itemId() == null ? "" : f.target().itemId()),
                                Cell.of(f.messageInFiles(Language.JA))});
                    }
                    if (!org.isEmpty()) {
                        pdf.table(new PdfReport.Table(new float[]{20, 10, 70}, List.of("ルール", "項番", "指摘")), org);
                    }
                }
            }

            pdf.heading("未完了の是正措置(" + actions.size() + "件)");
            if (actions.isEmpty()) {
                pdf.paragraph("未完了の是正措置はありません。");
            } else {
                List<Cell[]> open = new ArrayList<>();
                for (AuditStanding.OpenAction action : actions) {
                    boolean overdue = action.overdueOn(list.asOf());
                    open.add(new Cell[]{Cell.of(action.audit().record().department()), Cell.of(action.audit().record().auditedOn().toString()),
                            Cell.of(action.finding().id()), Cell.of(action.finding().itemId() == null ? "" : action.finding().itemId()),
                            Cell.of(ComplianceXlsx.severityWord(action.finding().severity())),
                            Cell.of(action.finding().description()), Cell.of(action.finding().correctiveAction().action()),
                            new Cell(action.finding().correctiveAction().dueDate() == null ? "" : action.finding().correctiveAction().dueDate()
                                    + (overdue ? "\n期限超過" : ""), overdue ? Fill.RED : Fill.NONE)});
                }
                pdf.table(new PdfReport.Table(new float[]{14, 9, 9, 8, 5, 25, 25, 9},
                        List.of("課", "監査日", "監査指摘", "項番", "重大度", "指摘内容", "是正措置", "期限")), open);
            }
            return pdf.bytes();
        }
    }
}
