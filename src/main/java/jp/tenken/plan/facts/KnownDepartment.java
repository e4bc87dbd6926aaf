package jp.tenken.plan.facts;

/** A comparison key (name, alias or former name) the organization registry knows. */
public record KnownDepartment(String key) {
}
