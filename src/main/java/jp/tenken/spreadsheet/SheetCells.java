package jp.tenken.spreadsheet;

import org.apache.poi.ss.util.CellReference;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** The non-empty cells of one sheet, by row and column, and the sheet's name for naming them. */
public final class SheetCells {

    private final String sheet;
    private final NavigableMap<Integer, Map<Integer, Cell>> rows = new TreeMap<>();

    SheetCells(String sheet) {
        this.sheet = sheet;
    }

    void add(Cell cell) {
        rows.computeIfAbsent(cell.row(), r -> new TreeMap<>()).put(cell.column(), cell);
    }

    public String sheet() {
        return sheet;
    }

    /** The cell at a row (1-based) and column (0 for A), if it holds anything. */
    public Optional<Cell> cell(int row, int column) {
        Map<Integer, Cell> cells = rows.get(row);
        return cells == null ? Optional.empty() : Optional.ofNullable(cells.get(column));
    }

    /** The cell's text as a person reads it, empty for an empty cell. */
    public String text(int row, int column) {
        return cell(row, column).map(Cell::displayText).orElse("");
    }

    /** The numbers of the rows after {@code row} that hold a cell. */
    public Iterable<Integer> rowsAfter(int row) {
        return rows.tailMap(row, false).keySet();
    }

    /** The columns (0 for A) of the cells a row holds, left to right. */
    public Iterable<Integer> columns(int row) {
        Map<Integer, Cell> cells = rows.get(row);
        return cells == null ? java.util.List.of() : cells.keySet();
    }

    /** {@code 点検票!E12}: how a problem names the cell. */
    public String path(int row, int column) {
        return sheet + "!" + CellReference.convertNumToColString(column) + row;
    }
}
