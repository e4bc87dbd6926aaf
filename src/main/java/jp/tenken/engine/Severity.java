package jp.tenken.engine;

/** How serious a finding is; the declaration order is the order findings are listed in. */
public enum Severity {
    ERROR, WARNING, INFO
}
