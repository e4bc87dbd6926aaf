package jp.tenken.evaluation;

/** Sizes no real evaluation report reaches; beyond them a document is refused, naming the field. */
final class EvaluationLimits {
    /** A field's name and the report's title: the city's are under 30 characters. */
    static final int TITLE = 500;
    /** One result: the city's longest bullet has about 200 characters. */
    static final int TEXT = 20_000;
    /** Fields of a report: the city's has 6. */
    static final int FIELDS = 200;
    /** Results of one field: the city's have 2 to 9. */
    static final int RESULTS = 5_000;
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;
    static final String ITEMS_MESSAGE = "{document.limit.items}";

    private EvaluationLimits() {
    }
}
