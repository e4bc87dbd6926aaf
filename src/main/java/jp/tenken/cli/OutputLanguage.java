package jp.tenken.cli;

import jp.tenken.engine.Language;

/** The language a command prints in; any other value is refused, as an unknown format is. */
public enum OutputLanguage {
    ja(Language.JA), en(Language.EN);

    private final Language language;

    OutputLanguage(Language language) {
        this.language = language;
    }

    Language language() {
        return language;
    }
}
