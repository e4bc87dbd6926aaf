package jp.tenken.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Comparison keys for names and titles written by people, full-width or half-width, spaced or not. */
public final class TextKeys {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern SPACES_AND_PUNCTUATION = Pattern.compile("[\\s\\p{Z}\\p{P}]+");

    private TextKeys() {
    }

    /** A department name after Unicode NFKC normalisation with every space removed. */
    public static String departmentKey(String name) {
        if (name == null) {
            return "";
        }
        return SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
    }

    /**
     * A title that ignores differences of width (NFKC), spaces and punctuation only: 「書かない窓口の導入」
     * and 「書かない窓口 の導入。」 have the same key; a different word does not.
     */
    public static String titleKey(String title) {
        if (title == null) {
            return "";
        }
        return SPACES_AND_PUNCTUATION.matcher(Normalizer.normalize(title, Normalizer.Form.NFKC)).replaceAll("");
    }
}
