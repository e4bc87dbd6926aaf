package jp.tenken.text;

/**
 * Text made safe to put in a spreadsheet cell (CONTRACT §9), for every CSV and Excel export.
 * Excel and LibreOffice run a cell that begins with {@code =}, {@code +}, {@code -} or {@code @} as a
 * formula, and a leading tab or carriage return is dropped on import, so what follows it would run
 * too. Department names, finding messages and answers come from documents anyone may send, so such
 * a cell gets a leading apostrophe, which makes a spreadsheet read the rest as plain text.
 */
public final class SpreadsheetCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    /** The text as a cell shows it without running it; null stays null. */
    public static String text(String value) {
        if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0) {
            return value;
        }
        return "'" + value;
    }
}
