package jp.tenken.activity;

/** Whether the recorded action was carried out ({@code OK}) or refused ({@code DENIED}). */
public enum Outcome {
    OK,
    DENIED
}
