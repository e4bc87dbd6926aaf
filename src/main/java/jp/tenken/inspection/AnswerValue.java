package jp.tenken.inspection;

/** はい / 一部 / いいえ / 該当なし. */
public enum AnswerValue {
    YES, PARTIAL, NO, NA
}
