package jp.tenken.document;

/** What makes a text unusable whatever field it stands in. */
public final class TextFlaws {

    private TextFlaws() {
    }

    /**
     * The message key of what is wrong with the text, or null when nothing is: a NUL character
     * (PostgreSQL cannot store it, and no document means one) or half of a surrogate pair (JSON
     * escapes can write one, but no JSON writer can write it back, so a stored document holding
     * one could never be read again).
     */
    public static String of(String text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "document.nul";
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "document.surrogate";
            }
        }
        return null;
    }

    /** Throws {@link DocumentValueException} when the text has a flaw. */
    public static String check(String text) {
        String flaw = text == null ? null : of(text);
        if (flaw != null) {
            throw new DocumentValueException(flaw);
        }
        return text;
    }
}
