package jp.tenken.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Identifier;
import jp.tenken.document.Lists;
import jp.tenken.document.RecordYears;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The record of one department's information-security audit (CONTRACT §5). */
public record AuditRecord(
        @NotBlank @Size(max = 100) @Identifier String organization,
        @NotBlank @Size(max = 200) String department,
        @NotNull @Min(RecordYears.FIRST) @Max(RecordYears.LAST) Integer fiscalYear,
        @NotNull LocalDate auditedOn,
        // An audit of one department: a team of a few auditors, tens of findings at most.
        @NotEmpty @Size(max = 50, message = "{document.limit.items}") List<@Valid @NotNull Auditor> auditors,
        @Size(max = 500, message = "{document.limit.items}") List<@Valid @NotNull AuditFinding> findings) {

    public AuditRecord {
        auditors = Lists.immutableOrNull(auditors);
        findings = Lists.immutable(findings);
    }

    /**
     * The same record with each corrective action's completions as recorded, by finding id; an
     * action without any is not completed.
     */
    public AuditRecord withCompletions(Map<String, List<RecordedCompletion>> historyByFinding) {
        List<AuditFinding> updated = findings.stream().map(f -> f.correctiveAction() == null ? f
                : new AuditFinding(f.id(), f.itemId(), f.severity(), f.description(),
                        f.correctiveAction().withHistory(historyByFinding.getOrDefault(f.id(), List.of())))).toList();
        return new AuditRecord(organization, department, fiscalYear, auditedOn, auditors, updated);
    }
}
