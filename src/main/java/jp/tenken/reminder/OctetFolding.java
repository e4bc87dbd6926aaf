package jp.tenken.reminder;

import java.nio.charset.StandardCharsets;

/**
 * Folds content lines as RFC 5545 §3.1 asks: no line longer than 75 octets of UTF-8 (line break
 * excluded), a longer one continued on the next line after a single space, and never between the
 * octets of one character.
 */
final class OctetFolding {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private OctetFolding() {
    }

    /** The text, its CRLF-separated lines folded; a text without a final CRLF gets one. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        for (String line : unfolded.split(CRLF)) {
            foldLine(line, out);
        }
        return out.toString();
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        int index = 0;
        while (index < line.length()) {
            int codePoint = line.codePointAt(index);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                // the space that continues the line counts in its 75 octets
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            index += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }
}
