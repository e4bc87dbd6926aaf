package jp.tenken.plan;

import jakarta.validation.constraints.NotBlank;

/** A policy (方針) initiatives are grouped under; {@code security} marks the information-security programme. */
public record Policy(@NotBlank String id, @NotBlank String name, boolean security, String group) {
}
