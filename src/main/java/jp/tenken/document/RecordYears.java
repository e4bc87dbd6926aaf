package jp.tenken.document;

/**
 * The fiscal years a self-inspection or an audit can be recorded for, and that queries about them
 * may name; outside these a year is a typing slip (and a query for year -5 would still answer).
 */
public final class RecordYears {
    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private RecordYears() {
    }
}
