package jp.tenken.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tenken.checklist.ItemSeverity;
import jp.tenken.document.Identifier;

/** Something the auditors found, with the corrective action ordered for it. */
public record AuditFinding(@NotBlank @Size(max = 100) @Identifier String id, @Size(max = 100) @Identifier String itemId,
                           @NotNull ItemSeverity severity, String description, @Valid CorrectiveAction correctiveAction) {
}
