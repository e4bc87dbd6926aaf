package jp.tenken.plan;

import jakarta.validation.Valid;

/** The plan this one carries out (an action plan's basic policy), with its period. */
public record ParentPlan(String id, @Valid Period period) {
}
