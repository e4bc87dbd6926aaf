package jp.tenken.spreadsheet;

import jp.tenken.text.SpreadsheetCells;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workbook Tenken hands out (CONTRACT §9): sheets of a title, a header row with an auto-filter,
 * then one row per line, printable on A4. Every text cell a spreadsheet could take for a formula
 * ({@link SpreadsheetCells#startsLikeFormula}) is written quote-prefixed, Excel's own leading
 * apostrophe: the cell shows and keeps the text and never runs it. Nothing here writes a formula.
 */
public final class ExportWorkbook implements AutoCloseable {

    /** The fills a cell may have; a status is also written as a word, never shown by colour alone. */
    public enum Fill {
        NONE(null), HEADER("D9D9D9"), GREEN("C6EFCE"), YELLOW("FFEB9C"), RED("FFC7CE"), GREY("EDEDED");

        private final String rgb;

        Fill(String rgb) {
            this.rgb = rgb;
        }
    }

    private enum Kind { TEXT, WRAP, NUMBER, DATE, TITLE, HEADER, BOLD }

    private record StyleKey(Kind kind, Fill fill, boolean quoted) {
    }

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Map<StyleKey, XSSFCellStyle> styles = new HashMap<>();
    private final Font bold;
    private final Font big;

    public ExportWorkbook() {
        Font base = workbook.getFontAt(0);
        base.setFontName("游ゴシック");
        base.setFontHeightInPoints((short) 10);
        bold = workbook.createFont();
        bold.setFontName("游ゴシック");
        bold.setFontHeightInPoints((short) 10);
        bold.setBold(true);
        big = workbook.createFont();
        big.setFontName("游ゴシック");
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
    }

    /** A new sheet whose columns have these widths in characters; landscape when it is wide. */
    public Sheet sheet(String name, int... widths) {
        XSSFSheet sheet = workbook.createSheet(name);
        int total = 0;
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
            total += widths[c];
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(total > 90);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        return new Sheet(sheet, widths.length);
    }

    public byte[] bytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private XSSFCellStyle style(Kind kind, Fill fill, boolean quoted) {
        return styles.computeIfAbsent(new StyleKey(kind, fill, quoted), key -> {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setVerticalAlignment(VerticalAlignment.TOP);
            if (kind != Kind.TITLE) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            switch (kind) {
                case TITLE -> style.setFont(big);
                case HEADER -> {
                    style.setFont(bold);
                    style.setWrapText(true);
                }
                case BOLD -> style.setFont(bold);
                case WRAP -> style.setWrapText(true);
                case NUMBER -> style.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
                case DATE -> style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
                default -> {
                }
            }
            Fill shown = kind == Kind.HEADER && fill == Fill.NONE ? Fill.HEADER : fill;
            if (shown.rgb != null) {
                style.setFillForegroundColor(new XSSFColor(java.util.HexFormat.of().parseHex(shown.rgb)));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            style.setQuotePrefixed(quoted);
            return style;
        });
    }

    /** One sheet, written from the top down. */
    public final class Sheet {
        private final XSSFSheet sheet;
        private final int columns;
        private int next;
        private int headerRow = -1;
        private int lastLine = -1;
        private boolean inTable;

        private Sheet(XSSFSheet sheet, int columns) {
            this.sheet = sheet;
            this.columns = columns;
        }

        /** A title line in large bold type. */
        public Sheet title(String text) {
            XSSFRow row = sheet.createRow(next++);
            write(row.createCell(0), text, Kind.TITLE, Fill.NONE);
            return this;
        }

        /** A label and its value, for the facts above a table (組織, 年度, 状況 …). */
        public Sheet fact(String label, String value, Fill fill) {
            XSSFRow row = sheet.createRow(next++);
            write(row.createCell(0), label, Kind.BOLD, Fill.HEADER);
            write(row.createCell(1), value, Kind.TEXT, fill);
            return this;
        }

        public Sheet blank() {
            next++;
            return this;
        }

        /** The header row of the table: bold on grey, frozen, with the auto-filter over the lines below it. */
        public Sheet header(List<String> titles) {
            XSSFRow row = sheet.createRow(next++);
            for (int c = 0; c < titles.size(); c++) {
                write(row.createCell(c), titles.get(c), Kind.HEADER, Fill.NONE);
            }
            headerRow = row.getRowNum();
            lastLine = headerRow;
            inTable = true;
            sheet.createFreezePane(0, headerRow + 1);
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            return this;
        }

        /** A line of the table (or, after {@link #endTable}, a line below it). */
        public Line line() {
            XSSFRow row = sheet.createRow(next++);
            if (inTable) {
                lastLine = row.getRowNum();
            }
            return new Line(row);
        }

        /** Ends the table: the auto-filter covers the header and the lines written so far. */
        public Sheet endTable() {
            if (inTable) {
                sheet.setAutoFilter(new CellRangeAddress(headerRow, lastLine, 0, columns - 1));
                inTable = false;
            }
            return this;
        }

        private void write(XSSFCell cell, String text, Kind kind, Fill fill) {
            boolean quoted = SpreadsheetCells.startsLikeFormula(text);
            cell.setCellStyle(style(kind, fill, quoted));
            if (text != null && !text.isEmpty()) {
                cell.setCellValue(text);
            }
        }

        /** The cells of one row, left to right. */
        public final class Line {
            private final XSSFRow row;
            private int column;

            private Line(XSSFRow row) {
                this.row = row;
            }

            public Line text(String text) {
                return text(text, Fill.NONE);
            }

            public Line text(String text, Fill fill) {
                write(row.createCell(column++), text, Kind.TEXT, fill);
                return this;
            }

            /** Text that wraps within the column's width (findings, evidence, actions). */
            public Line wrapped(String text) {
                write(row.createCell(column++), text, Kind.WRAP, Fill.NONE);
                return this;
            }

            public Line bold(String text, Fill fill) {
                write(row.createCell(column++), text, Kind.BOLD, fill);
                return this;
            }

            /** A number cell; null leaves the cell empty. */
            public Line number(Number value) {
                return number(value, Fill.NONE);
            }

            public Line number(Number value, Fill fill) {
                XSSFCell cell = row.createCell(column++);
                cell.setCellStyle(style(Kind.NUMBER, fill, false));
                if (value != null) {
                    cell.setCellValue(value.doubleValue());
                }
                return this;
            }

            /** A date cell (yyyy-mm-dd); null leaves the cell empty. */
            public Line date(LocalDate value) {
                XSSFCell cell = row.createCell(column++);
                cell.setCellStyle(style(Kind.DATE, Fill.NONE, false));
                if (value != null) {
                    cell.setCellValue(value);
                }
                return this;
            }
        }
    }
}
