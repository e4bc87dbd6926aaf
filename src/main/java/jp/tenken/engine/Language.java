package jp.tenken.engine;

import java.util.Locale;

/** The languages messages are written in; Japanese unless English is asked for. */
public enum Language {
    JA, EN;

    /** Reads an {@code Accept-Language} header or a {@code --lang} value; anything not English is Japanese. */
    public static Language of(String value) {
        if (value == null || value.isBlank()) {
            return JA;
        }
        for (String part : value.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (tag.startsWith("en")) {
                return EN;
            }
            if (tag.startsWith("ja")) {
                return JA;
            }
        }
        return JA;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
