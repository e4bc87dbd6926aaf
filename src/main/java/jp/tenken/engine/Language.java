package jp.tenken.engine;

import java.util.List;
import java.util.Locale;

/** The languages messages are written in; Japanese unless English is asked for. */
public enum Language {
    JA, EN;

    /**
     * Reads an {@code Accept-Language} header: the first of Japanese and English in the order of the
     * header's weights ({@code ja;q=0.1, en;q=0.9} is English); Japanese when it names neither or
     * cannot be read.
     */
    public static Language of(String value) {
        if (value == null || value.isBlank()) {
            return JA;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(value); // sorted by weight, the header's order kept among equals
        } catch (IllegalArgumentException e) {
            return JA;
        }
        for (Locale.LanguageRange range : ranges) {
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (range.getWeight() == 0) {
                continue;
            }
            if (tag.equals("en") || tag.startsWith("en-")) {
                return EN;
            }
            if (tag.equals("ja") || tag.startsWith("ja-")) {
                return JA;
            }
        }
        return JA;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
