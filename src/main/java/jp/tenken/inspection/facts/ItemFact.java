package jp.tenken.inspection.facts;

/**
 * A checklist item. {@code gate}: other items depend on it, so a NO there means "does not apply to
 * this department" rather than a shortfall.
 */
public record ItemFact(String id, String severity, String answerType, boolean evidenceRequired, boolean naAllowed,
                       String dependsOn, Integer threshold, boolean gate) {
}
