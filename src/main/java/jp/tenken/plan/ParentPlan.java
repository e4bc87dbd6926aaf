package jp.tenken.plan;

import jakarta.validation.Valid;
import jp.tenken.document.Identifier;

/** The plan this one carries out (an action plan's basic policy), with its period. */
public record ParentPlan(@Identifier String id, @Valid Period period) {
}
