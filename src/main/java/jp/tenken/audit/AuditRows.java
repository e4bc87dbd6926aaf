package jp.tenken.audit;

import jp.tenken.text.JapaneseDates;
import jp.tenken.web.PageLinks;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Audits as the pages show them (model maps): shared by the audit pages and the department page. */
public final class AuditRows {

    private AuditRows() {
    }

    /** A corrective action with its due date and completions; its state in words, never by colour alone. */
    public static Map<String, Object> action(AuditResponse audit, AuditFinding finding, LocalDate today) {
        CorrectiveAction action = finding.correctiveAction();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("auditId", audit.id());
        row.put("auditHref", PageLinks.audit(audit.id()));
        row.put("auditedOn", JapaneseDates.date(audit.auditedOn()));
        row.put("findingId", finding.id());
        row.put("itemId", finding.itemId() == null ? "" : finding.itemId());
        row.put("anchor", "finding-" + finding.id());
        row.put("severity", finding.severity().name());
        row.put("severityWord", severityWord(finding.severity().name()));
        row.put("description", finding.description() == null ? "" : finding.description());
        row.put("hasAction", action != null);
        row.put("action", action == null || action.action() == null ? "" : action.action());
        row.put("dueDate", action == null || action.dueDate() == null ? "—" : JapaneseDates.date(action.dueDate()));
        boolean completed = action != null && action.completedOn() != null;
        boolean overdue = action != null && !completed && action.dueDate() != null && action.dueDate().isBefore(today);
        row.put("completed", completed);
        row.put("overdue", overdue);
        row.put("state", action == null ? "NONE" : completed ? "COMPLETED" : overdue ? "OVERDUE" : "OPEN");
        row.put("stateWord", action == null ? "是正措置なし" : completed ? JapaneseDates.date(action.completedOn()) + " 完了"
                : overdue ? "期限超過・未完了" : "未完了");
        row.put("completions", action == null || action.completions() == null ? List.of() : action.completions().stream().map(c -> Map.of(
                "completedOn", JapaneseDates.date(c.completedOn()),
                "by", c.completedBy() == null ? "" : c.completedBy(),
                "reason", c.reason() == null ? "" : c.reason())).toList());
        return row;
    }

    public static String severityWord(String severity) {
        return switch (severity) {
            case "HIGH" -> "重要度 高";
            case "MEDIUM" -> "重要度 中";
            default -> "重要度 低";
        };
    }

    public static String auditors(List<Auditor> auditors) {
        return auditors.stream().map(a -> a.name() + "(" + a.department() + ")").collect(Collectors.joining("、"));
    }
}
