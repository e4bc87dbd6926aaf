package jp.tenken.spreadsheet;

import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One cell of a sheet as stored in the file, never evaluated.
 *
 * @param ref     the cell's address, {@code E12}
 * @param row     the row number as Excel shows it (1 for the first row)
 * @param column  the column, 0 for A
 * @param kind    what the file says the value is
 * @param text    the value as written: a string's text, a number's digits ({@code 92.5}), {@code TRUE}/{@code FALSE}
 * @param date    whether the cell's number format shows a date
 * @param formula whether the cell holds a formula (its value is then only the last result Excel cached)
 */
public record Cell(String ref, int row, int column, Kind kind, String text, boolean date, boolean formula) {

    public enum Kind { TEXT, NUMBER, BOOLEAN, ERROR }

    public boolean blank() {
        return !formula && (text == null || text.isBlank());
    }

    /**
     * The number of a numeric cell, or of a text that is one ({@code " 92 "}), without trailing
     * zeros (a file's {@code 100.0} is 100, as typed); empty otherwise.
     */
    public Optional<BigDecimal> number() {
        if (kind != Kind.NUMBER && kind != Kind.TEXT) {
            return Optional.empty();
        }
        String digits = text.strip();
        if (digits.length() > 40) {
            return Optional.empty();
        }
        try {
            BigDecimal n = new BigDecimal(digits).stripTrailingZeros();
            return Optional.of(n.scale() < 0 ? n.setScale(0) : n);
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * The date of a date-formatted numeric cell, or of a text {@code 2026-03-31} or {@code 2026/3/31};
     * empty for anything else (a bare number is no date: nobody sees 46112 as 31 March 2026).
     */
    public Optional<LocalDate> localDate() {
        if (kind == Kind.NUMBER && date) {
            try {
                double serial = Double.parseDouble(text);
                if (DateUtil.isValidExcelDate(serial) && serial >= 1) {
                    return Optional.of(DateUtil.getLocalDateTime(serial).toLocalDate());
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
        if (kind == Kind.TEXT) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})$").matcher(text.strip());
            if (m.matches()) {
                try {
                    return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))));
                } catch (java.time.DateTimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The value as text a person reads: a string as it is, a number without a trailing {@code .0},
     * a date-formatted number as {@code 2026-03-31}.
     */
    public String displayText() {
        if (kind == Kind.NUMBER) {
            Optional<LocalDate> d = localDate();
            if (d.isPresent()) {
                return d.get().toString();
            }
            return number().map(BigDecimal::toPlainString).orElse(text);
        }
        return text == null ? "" : text;
    }
}
