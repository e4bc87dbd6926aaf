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
        return startsLikeFormula(value) ? "'" + value : value;
    }

    /**
     * Whether a spreadsheet would run the text as a formula (or drop its first character) were it
     * typed or imported as it is. An xlsx cell written with POI marks such a text quote-prefixed
     * (Excel's own leading apostrophe, not part of the value), so it reads back unchanged.
     */
    public static boolean startsLikeFormula(String value) {
        return value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    }
}
