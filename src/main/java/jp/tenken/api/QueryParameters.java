package jp.tenken.api;

import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters read the same way everywhere; a bad one is a 400 naming it. */
public final class QueryParameters {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

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

    /** Fiscal years as documents may give them (2000-2100), so a query cannot ask about year -5. */
    private static int parseYear(String value) {
        int year;
        try {
            year = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw DocumentRejectedException.malformed(Problem.of("fiscalYear", "document.type.integer"));
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw DocumentRejectedException.malformed(Problem.of("fiscalYear", "query.year.range",
                    "min", String.valueOf(MIN_YEAR), "max", String.valueOf(MAX_YEAR)));
        }
        return year;
    }

    /** The date "overdue" is judged on: today unless the request gives {@code asOf=YYYY-MM-DD}. */
    public static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DocumentRejectedException.malformed(Problem.of("asOf", "document.type.date"));
        }
    }
}
