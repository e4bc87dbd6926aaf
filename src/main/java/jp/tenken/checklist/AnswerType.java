package jp.tenken.checklist;

/** YES_NO items are answered YES, PARTIAL, NO or NA; PERCENT items with a value 0–100 or NA. */
public enum AnswerType {
    YES_NO, PERCENT
}
