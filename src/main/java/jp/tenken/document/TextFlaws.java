package jp.tenken.document;

/** What makes a text unusable whatever field it stands in. */
public final class TextFlaws {

    private TextFlaws() {
    }

    /**
     * The message key of what is wrong with the text, or null when nothing is: a NUL character
     * (PostgreSQL cannot store it, and no document means one); half of a surrogate pair (JSON
     * escapes can write one, but no JSON writer can write it back, so a stored document holding
     * one could never be read again); another control character than tab, line feed and carriage
     * return (invisible, and no document means one either); a bidirectional embedding, override or
     * isolate (U+202A–U+202E, U+2066–U+2069), which makes a text display otherwise than it reads
     * ("abc\u202Egpj.exe" shows as "abcexe.jpg") in the lists and CSV where it is shown again.
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
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "document.control";
            } else if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                return "document.bidi";
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
