package jp.tenken.api;

import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.document.RecordYears;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters read the same way everywhere; a bad one is a 400 naming it. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw DocumentRejectedException.malformed(Problem.of(name, "query.required"));
        }
        return value.trim();
    }

    /** A required fiscal year. */
    public static int year(String value) {
        return parseYear(required("fiscalYear", value));
    }

    public static Integer optionalYear(String value) {
        return value == null || value.isBlank() ? null : parseYear(value.trim());
    }

    /**
     * Fiscal years as self-inspections and audits may give them ({@link RecordYears}), in ASCII
     * digits: {@code Integer.parseInt} would also take full-width digits (２０２５) and a plus sign.
     */
    private static int parseYear(String value) {
        if (!value.matches("-?[0-9]+")) {
            throw DocumentRejectedException.malformed(Problem.of("fiscalYear", "document.type.integer"));
        }
        // Digits beyond an int are out of range like -5, not another kind of value.
        BigInteger year = new BigInteger(value);
        if (year.compareTo(BigInteger.valueOf(RecordYears.FIRST)) < 0 || year.compareTo(BigInteger.valueOf(RecordYears.LAST)) > 0) {
            throw DocumentRejectedException.malformed(Problem.of("fiscalYear", "query.year.range",
                    "min", String.valueOf(RecordYears.FIRST), "max", String.valueOf(RecordYears.LAST)));
        }
        return year.intValue();
    }

    /**
     * The date "overdue" is judged on: today unless the request gives {@code asOf=YYYY-MM-DD}, a
     * date of the years records are kept for ({@link RecordYears}). {@code LocalDate.parse} alone
     * would also take a signed year of five or more digits ({@code +12025-01-01}) and year 1.
     */
    public static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return jp.tenken.text.JapaneseDates.today();
        }
        LocalDate date;
        try {
            date = value.trim().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? LocalDate.parse(value.trim()) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            throw DocumentRejectedException.malformed(Problem.of("asOf", "document.type.date"));
        }
        if (date.getYear() < RecordYears.FIRST || date.getYear() > RecordYears.LAST) {
            throw DocumentRejectedException.malformed(Problem.of("asOf", "query.date.range",
                    "min", String.valueOf(RecordYears.FIRST), "max", String.valueOf(RecordYears.LAST)));
        }
        return date;
    }
}
