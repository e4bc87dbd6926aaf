package jp.tenken.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An auditor and the department they belong to: never the audited one. */
public record Auditor(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String department) {
}
