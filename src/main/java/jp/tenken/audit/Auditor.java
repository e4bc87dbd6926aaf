package jp.tenken.audit;

import jakarta.validation.constraints.NotBlank;

/** An auditor and the department they belong to: never the audited one. */
public record Auditor(@NotBlank String name, @NotBlank String department) {
}
