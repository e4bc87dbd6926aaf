package jp.tenken.plan;

/** Sizes no real plan reaches; beyond them a document is refused as malformed, naming the field. */
final class Limits {
    /** The longest title in the city's plans has under 60 characters. */
    static final int TITLE = 500;
    /** Department and plan names. */
    static final int NAME = 200;
    /** Fiscal years outside these are typing errors (and would make a plan period endless to walk). */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;
    /** The longest plan period accepted, in fiscal years. */
    static final int LONGEST_PERIOD = 100;
    /** Budgets in thousand yen: up to 15 integer digits (a trillion yen), 6 decimals. */
    static final int BUDGET_DIGITS = 15;

    private Limits() {
    }
}
