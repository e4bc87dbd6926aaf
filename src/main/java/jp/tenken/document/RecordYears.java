package jp.tenken.document;

import java.time.LocalDate;

/**
 * The fiscal years a self-inspection or an audit can be recorded for, and that queries about them
 * may name; outside these a year is a typing slip (and a query for year -5 would still answer).
 */
public final class RecordYears {
    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private RecordYears() {
    }

    /**
     * What is wrong with the date of a record of a fiscal year (a self-inspection's
     * {@code submittedOn}, an audit's {@code auditedOn}), or null. Fiscal year N runs from N-04-01
     * to (N+1)-03-31; its self-inspections and audits are done within it, and reported at the
     * latest in the year after, when the committee reviews them. A date before the year began or
     * after the next one ended (0001-01-01 for FY2025) is a typing slip, and would put the record
     * out of order among its department's others.
     */
    public static Problem dateProblem(String path, LocalDate date, int fiscalYear) {
        LocalDate first = LocalDate.of(fiscalYear, 4, 1);
        LocalDate last = LocalDate.of(fiscalYear + 2, 3, 31);
        if (date.isBefore(first) || date.isAfter(last)) {
            return Problem.of(path, "document.date.fiscal-year", "fiscalYear", String.valueOf(fiscalYear),
                    "from", first.toString(), "to", last.toString());
        }
        return null;
    }
}
