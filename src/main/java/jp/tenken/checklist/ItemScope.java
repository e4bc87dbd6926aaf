package jp.tenken.checklist;

/**
 * Who answers a checklist item (CONTRACT §15). {@code DEPARTMENT}: every department (the default).
 * {@code SYSTEM_OWNER}: departments that own a system; such an item sits behind a gate or allows NA,
 * so a department without one can answer it. {@code ORGANIZATION}: answered once for the whole
 * organization by the information-security office; a department's submission need not answer it,
 * an answer it gives is kept but not checked, and a department's status never depends on it.
 */
public enum ItemScope {
    DEPARTMENT, SYSTEM_OWNER, ORGANIZATION
}
