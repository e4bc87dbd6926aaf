package jp.tenken.plan.facts;

/** A policy of the plan. */
public record PolicyFact(String id, String name, boolean security) {
}
