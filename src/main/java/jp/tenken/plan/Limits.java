package jp.tenken.plan;

/** Sizes no real plan reaches; beyond them a document is refused as malformed, naming the field. */
final class Limits {
    /** Plan ids are used in URLs and as keys. */
    static final int ID = 200;
    /** The longest title in the city's plans has under 60 characters. */
    static final int TITLE = 500;

    private Limits() {
    }
}
