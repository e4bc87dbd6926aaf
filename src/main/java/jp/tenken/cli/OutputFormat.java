package jp.tenken.cli;

/** How a command prints findings. */
public enum OutputFormat {
    text, json
}
