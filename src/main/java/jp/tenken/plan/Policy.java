package jp.tenken.plan;

import jakarta.validation.constraints.NotBlank;
import jp.tenken.document.Identifier;

/** A policy (方針) initiatives are grouped under; {@code security} marks the information-security programme. */
public record Policy(@NotBlank @Identifier String id, @NotBlank String name, boolean security, String group) {
}
