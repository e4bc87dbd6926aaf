package jp.tenken.api;

import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.document.RecordYears;

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

    /** Fiscal years as self-inspections and audits may give them ({@link RecordYears}). */
    private static int parseYear(String value) {
        int year;
        try {
            year = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw DocumentRejectedException.malformed(Problem.of("fiscalYear", "document.type.integer"));
        }
        if (year < RecordYears.FIRST || year > RecordYears.LAST) {
            throw DocumentRejectedException.malformed(Problem.of("fiscalYear", "query.year.range",
                    "min", String.valueOf(RecordYears.FIRST), "max", String.valueOf(RecordYears.LAST)));
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
