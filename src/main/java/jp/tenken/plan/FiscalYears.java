package jp.tenken.plan;

import java.time.LocalDate;
import java.time.Month;

/** The Japanese fiscal year (年度) N runs from N-04-01 to (N+1)-03-31. */
public final class FiscalYears {
    private FiscalYears() {
    }

    /** The fiscal year a date falls in. */
    public static int of(LocalDate date) {
        return date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1;
    }

    public static LocalDate start(int fiscalYear) {
        return LocalDate.of(fiscalYear, Month.APRIL, 1);
    }

    public static LocalDate end(int fiscalYear) {
        return LocalDate.of(fiscalYear + 1, Month.MARCH, 31);
    }

    /** The latest fiscal year that had ended on {@code date} (its last day included). */
    public static int lastEndedOn(LocalDate date) {
        int current = of(date);
        return end(current).equals(date) ? current : current - 1;
    }

    /** The first fiscal year that begins after {@code date}. */
    public static int firstBeginningAfter(LocalDate date) {
        return of(date) + 1;
    }
}
