package jp.tenken.plan;

/** 新規 (NEW), 拡大/拡充 (EXPANDED) or neither (CONTINUING). */
public enum InitiativeKind {
    NEW, EXPANDED, CONTINUING
}
