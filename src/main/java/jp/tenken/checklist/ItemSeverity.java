package jp.tenken.checklist;

/** How much a checklist item weighs: an ERROR on a HIGH item makes the department NON_COMPLIANT. */
public enum ItemSeverity {
    HIGH, MEDIUM, LOW
}
