package jp.tenken.compliance;

import jp.tenken.api.FindingView;
import jp.tenken.audit.AuditStanding;
import jp.tenken.checklist.ItemSeverity;
import jp.tenken.engine.Language;
import jp.tenken.inspection.InspectionStatus;
import jp.tenken.spreadsheet.ExportWorkbook;
import jp.tenken.spreadsheet.ExportWorkbook.Fill;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.StatusWords;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The compliance list as an Excel workbook (CONTRACT §9), for the auditors' report to the
 * 情報セキュリティ委員会: one line per department with its status as a word on the status's colour,
 * an auto-filter on the header row, a totals row under the lines and the count of each status.
 * Its second sheet, 指摘, lists every finding on a line of its own to filter by rule or severity;
 * the third, 未完了の是正措置, the corrective actions of audits still open on the as-of date.
 */
final class ComplianceXlsx {

    static final String SHEET = "適合状況";
    static final String FINDINGS_SHEET = "指摘";
    static final List<String> HEADER = List.of("課", "状況", "自己点検", "自己点検のエラー", "自己点検の警告", "最終監査年度",
            "未完了の是正措置", "指摘");

    private ComplianceXlsx() {
    }

    static String severityWord(ItemSeverity severity) {
        return switch (severity) {
            case HIGH -> "高";
            case MEDIUM -> "中";
            case LOW -> "低";
        };
    }

    static Fill fill(InspectionStatus status) {
        return switch (status) {
            case COMPLIANT -> Fill.GREEN;
            case NEEDS_IMPROVEMENT -> Fill.YELLOW;
            case NON_COMPLIANT -> Fill.RED;
        };
    }

    static final String ACTIONS_SHEET = "未完了の是正措置";
    static final String ORGANIZATION_SHEET = "組織全体の項目";

    static byte[] write(ComplianceList list, List<AuditStanding.OpenAction> actions, String organizationName) {
        try (ExportWorkbook book = new ExportWorkbook()) {
            ExportWorkbook.Sheet sheet = book.sheet(SHEET, 22, 10, 10, 9, 9, 12, 10, 70);
            sheet.title("適合状況一覧 " + organizationName + " " + JapaneseDates.fiscalYear(list.fiscalYear()))
                    .fact("判定日", list.asOf().toString(), Fill.NONE)
                    .blank()
                    .header(HEADER);
            Map<InspectionStatus, Integer> counts = new EnumMap<>(InspectionStatus.class);
            long submitted = 0;
            long errors = 0;
            long warnings = 0;
            long open = 0;
            for (UnitCompliance unit : list.units()) {
                UnitCompliance.SelfInspection si = unit.selfInspection();
                counts.merge(unit.status(), 1, Integer::sum);
                submitted += si.submitted() ? 1 : 0;
                errors += si.errors() == null ? 0 : si.errors();
                warnings += si.warnings() == null ? 0 : si.warnings();
                open += unit.openAuditActions();
                sheet.line().text(unit.department())
                        .text(StatusWords.of(unit.status()), fill(unit.status()))
                        .text(si.submitted() ? "提出済み" : "未提出")
                        .number(si.errors()).number(si.warnings())
                        .number(unit.lastAuditedFiscalYear())
                        .number(unit.openAuditActions())
                        .wrapped(unit.findings().stream().map(f -> f.messageInFiles(Language.JA)).collect(Collectors.joining("\n")));
            }
            sheet.endTable();
            sheet.line().bold("合計 " + list.units().size() + "課", Fill.GREY).bold("", Fill.GREY)
                    .bold("提出 " + submitted, Fill.GREY).number(errors, Fill.GREY).number(warnings, Fill.GREY)
                    .bold("", Fill.GREY).number(open, Fill.GREY).bold("", Fill.GREY);
            sheet.blank();
            for (InspectionStatus status : CompliancePage.WORST_FIRST) {
                sheet.line().bold(StatusWords.of(status), fill(status)).number(counts.getOrDefault(status, 0));
            }

            ExportWorkbook.Sheet findings = book.sheet(FINDINGS_SHEET, 22, 10, 8, 24, 12, 70);
            findings.title("指摘 " + organizationName + " " + JapaneseDates.fiscalYear(list.fiscalYear()))
                    .header(List.of("課", "状況", "重要度", "ルール", "項番", "指摘"));
            for (UnitCompliance unit : list.units()) {
                for (FindingView f : unit.findings()) {
                    findings.line().text(unit.department()).text(StatusWords.of(unit.status()), fill(unit.status()))
                            .text(StatusWords.severity(f.severity())).text(f.ruleId()).text(f.target().itemId())
                            .wrapped(f.messageInFiles(Language.JA));
                }
            }
            findings.endTable();

            ComplianceList.OrganizationLevel level = list.organizationLevel();
            if (level != null) {
                // The organization-level items, answered by the security office, apart from the departments (CONTRACT §15).
                ExportWorkbook.Sheet org = book.sheet(ORGANIZATION_SHEET, 22, 10, 8, 24, 12, 70);
                org.title("組織全体の項目(" + level.securityOffice() + "が全庁分を回答) " + organizationName + " "
                                + JapaneseDates.fiscalYear(list.fiscalYear()))
                        .header(List.of("回答する課", "状況", "重要度", "ルール", "項番", "指摘"));
                if (!level.submitted()) {
                    org.line().text(level.securityOffice()).text("未提出", Fill.RED).text("").text("").text("").wrapped("今年度の回答がありません");
                }
                for (FindingView f : level.findings()) {
                    org.line().text(level.securityOffice()).text(StatusWords.of(level.status()), fill(level.status()))
                            .text(StatusWords.severity(f.severity())).text(f.ruleId()).text(f.target().itemId())
                            .wrapped(f.messageInFiles(Language.JA));
                }
                org.endTable();
            }

            ExportWorkbook.Sheet openSheet = book.sheet(ACTIONS_SHEET, 22, 11, 12, 10, 8, 40, 40, 11, 8);
            openSheet.title("未完了の是正措置 " + organizationName + "(" + list.asOf() + "時点)")
                    .header(List.of("課", "監査日", "監査指摘", "項番", "重大度", "指摘内容", "是正措置", "期限", "期限超過"));
            for (AuditStanding.OpenAction action : actions) {
                openSheet.line().text(action.audit().record().department()).date(action.audit().record().auditedOn())
                        .text(action.finding().id()).text(action.finding().itemId()).text(severityWord(action.finding().severity()))
                        .wrapped(action.finding().description()).wrapped(action.finding().correctiveAction().action())
                        .date(action.finding().correctiveAction().dueDate())
                        .text(action.overdueOn(list.asOf()) ? "超過" : "", action.overdueOn(list.asOf()) ? Fill.RED : Fill.NONE);
            }
            openSheet.endTable();
            return book.bytes();
        }
    }
}
