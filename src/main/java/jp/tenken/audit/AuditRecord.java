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

/** The record of one department's information-security audit (CONTRACT §5). */
public record AuditRecord(
        @NotBlank @Size(max = 100) @Identifier String organization,
        @NotBlank @Size(max = 200) String department,
        @NotNull @Min(RecordYears.FIRST) @Max(RecordYears.LAST) Integer fiscalYear,
        @NotNull LocalDate auditedOn,
        @NotEmpty List<@Valid @NotNull Auditor> auditors,
        List<@Valid @NotNull AuditFinding> findings) {

    public AuditRecord {
        auditors = Lists.immutableOrNull(auditors);
        findings = Lists.immutable(findings);
    }

    /** The same record with one finding's corrective action completed on {@code completedOn}. */
    public AuditRecord withCompletion(String findingId, LocalDate completedOn) {
        List<AuditFinding> updated = findings.stream().map(f -> !f.id().equals(findingId) || f.correctiveAction() == null ? f
                : new AuditFinding(f.id(), f.itemId(), f.severity(), f.description(), new CorrectiveAction(
                        f.correctiveAction().action(), f.correctiveAction().dueDate(), completedOn))).toList();
        return new AuditRecord(organization, department, fiscalYear, auditedOn, auditors, updated);
    }
}
