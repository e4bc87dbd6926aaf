package jp.tenken.spreadsheet;

import jp.tenken.text.SpreadsheetCells;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes texts into the cells of one workbook so that none runs as a formula (CONTRACT §9): a text
 * a spreadsheet would take for one ({@link SpreadsheetCells#startsLikeFormula}) gets its style's
 * quote-prefixed twin, Excel's own leading apostrophe, which is no part of the value, so the text
 * is shown and read back exactly as it was written.
 */
public final class TextCells {

    private final Workbook workbook;
    private final Map<CellStyle, CellStyle> quoted = new HashMap<>();

    public TextCells(Workbook workbook) {
        this.workbook = workbook;
    }

    /** Sets a text cell with the style; null or an empty text leaves the cell empty (with the style). */
    public void set(Cell cell, String value, CellStyle style) {
        cell.setCellStyle(SpreadsheetCells.startsLikeFormula(value) ? quoted(style) : style);
        if (value != null && !value.isEmpty()) {
            cell.setCellValue(value);
        }
    }

    /** The same style with Excel's leading apostrophe. */
    public CellStyle quoted(CellStyle style) {
        return quoted.computeIfAbsent(style, s -> {
            CellStyle q = workbook.createCellStyle();
            q.cloneStyleFrom(s);
            q.setQuotePrefixed(true);
            return q;
        });
    }
}
