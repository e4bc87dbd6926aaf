package jp.tenken.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The languages messages are written in; Japanese unless English is asked for. */
public enum Language {
    JA, EN;

    /**
     * Reads an {@code Accept-Language} header: the first of Japanese and English in the order of the
     * header's weights ({@code ja;q=0.1, en;q=0.9} is English); Japanese when it names neither.
     * A locale written with an underscore ({@code en_US}, as Java and POSIX write them) is read as
     * the tag it means; a part that cannot be read is skipped, not the whole header.
     */
    public static Language of(String value) {
        if (value == null || value.isBlank()) {
            return JA;
        }
        List<Locale.LanguageRange> ranges = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                ranges.addAll(Locale.LanguageRange.parse(part.replace('_', '-')));
            } catch (IllegalArgumentException e) {
                // skipped
            }
        }
        ranges.sort(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed()); // stable: the header's order among equals
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
