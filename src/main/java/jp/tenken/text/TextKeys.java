package jp.tenken.text;

import java.text.Normalizer;

/** Comparison keys for names and titles written by people, full-width or half-width, spaced or not. */
public final class TextKeys {

    private TextKeys() {
    }

    /**
     * Department names repeat on every row of a plan (a city has a few dozen), so their keys are
     * remembered.
     */
    private static final BoundedMemo DEPARTMENT_KEYS =
            new BoundedMemo(10_000, name -> strip(Normalizer.normalize(name, Normalizer.Form.NFKC), false));

    /** A department name after Unicode NFKC normalisation with every space removed. */
    public static String departmentKey(String name) {
        return name == null ? "" : DEPARTMENT_KEYS.apply(name);
    }

    /**
     * A title that ignores differences of width (NFKC), spaces and punctuation only: 「書かない窓口の導入」
     * and 「書かない窓口 の導入。」 have the same key; a different word does not.
     */
    public static String titleKey(String title) {
        return title == null ? "" : strip(Normalizer.normalize(title, Normalizer.Form.NFKC), true);
    }

    /** The text without spaces (and punctuation): a loop, as keys are made for every row of a plan. */
    private static String strip(String text, boolean punctuation) {
        int first = firstDropped(text, punctuation);
        if (first < 0) {
            return text; // the usual case: nothing to drop, no copy
        }
        StringBuilder key = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (dropped(c, punctuation)) {
                continue;
            }
            key.appendCodePoint(c);
        }
        return key.toString();
    }

    private static int firstDropped(String text, boolean punctuation) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (dropped(c, punctuation)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    private static boolean dropped(int c, boolean punctuation) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (punctuation && isPunctuation(c));
    }

    /**
     * Punctuation by its Unicode category, and the tilde: the wave dash 〜 is a dash, but the
     * full-width tilde ～ that Windows (CP932) writes for it becomes the ASCII ~, a maths symbol.
     */
    private static boolean isPunctuation(int c) {
        if (c == '~') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
