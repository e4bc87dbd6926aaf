package jp.tenken.audit;

import jp.tenken.api.FindingView;
import jp.tenken.api.ShownFindings;
import jp.tenken.api.Summary;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleMessages;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An audit as answered (CONTRACT §5): its id, what the rules find in it as of a date
 * ({@code findings}), and the record itself with the corrective actions' completions. {@code recordedBy}
 * names the user who recorded it (null for an audit stored before accounts existed), as each
 * completion's {@code completedBy} names the user who recorded that completion.
 */
public record AuditResponse(String id, String organization, String department, int fiscalYear, LocalDate auditedOn,
                            OffsetDateTime storedAt, String recordedBy, LocalDate asOf, Summary summary, List<FindingView> findings,
                            boolean truncated, AuditRecord record) {

    static AuditResponse of(StoredAudit audit, List<Finding> findings, LocalDate asOf, RuleMessages messages, Language language) {
        AuditRecord record = audit.record();
        ShownFindings shown = ShownFindings.of(findings, messages, language);
        return new AuditResponse(audit.id(), record.organization(), record.department(), record.fiscalYear(),
                record.auditedOn(), audit.storedAt(), audit.recordedBy(), asOf, Summary.of(findings), shown.findings(), shown.truncated(), record);
    }
}
