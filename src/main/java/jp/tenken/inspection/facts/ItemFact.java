package jp.tenken.inspection.facts;

/** A checklist item; {@code dependsOn} names the gate question it sits behind. */
public record ItemFact(String id, String severity, String answerType, boolean evidenceRequired, boolean naAllowed,
                       String dependsOn, Integer threshold) {
}
