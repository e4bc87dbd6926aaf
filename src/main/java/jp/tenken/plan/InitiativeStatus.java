package jp.tenken.plan;

/** 未着手, 着手 (IN_PROGRESS), 完了 (DONE). */
public enum InitiativeStatus {
    NOT_STARTED, IN_PROGRESS, DONE
}
