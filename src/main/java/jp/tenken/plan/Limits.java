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
    /**
     * The longest plan period accepted, in fiscal years: a municipal comprehensive plan (総合計画)
     * runs 8 to 12 years, the city's action plans 3. Every year of the period is walked per initiative.
     */
    static final int LONGEST_PERIOD = 20;
    /** Schedule entries of one initiative: one a year over the longest period. */
    static final int YEARS = LONGEST_PERIOD;
    /** Policies (方針) of a plan: the city's plans have 3 to 6. */
    static final int POLICIES = 100;
    /** Goals (成果指標) of a plan and measured values of one goal. */
    static final int GOALS = 1000;
    static final int GOAL_POINTS = 100;
    /** Departments of one initiative (庁内各課 names all of them as one group) and upper plans it serves. */
    static final int DEPARTMENTS = 100;
    static final int UPPER_PLANS = 50;
    /** Plan items of one fiscal year: the city writes two to five. */
    static final int PLAN_ITEMS = 100;
    /** Prose: a purpose, a summary, a result of one year. The city's longest is under 600 characters. */
    static final int TEXT = 20_000;
    /** The message of a limit on a list's length; a string's length has Size's own message. */
    static final String ITEMS_MESSAGE = "{document.limit.items}";
    /** Budgets in thousand yen: up to 15 integer digits (a trillion yen), 6 decimals. */
    static final int BUDGET_DIGITS = 15;

    private Limits() {
    }
}
