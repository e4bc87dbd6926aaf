package jp.tenken.document;

import java.util.List;

/**
 * A request document that is refused as a whole, with the fields that are wrong. Nothing of a
 * refused document is evaluated or stored.
 */
public class DocumentRejectedException extends RuntimeException {

    /** Why a document is refused: it cannot be read as the type (400) or names what does not exist (422). */
    public enum Reason { MALFORMED, UNPROCESSABLE }

    private final Reason reason;
    private final String summaryKey;
    private final List<Problem> problems;

    public DocumentRejectedException(Reason reason, String summaryKey, List<Problem> problems) {
        super(summaryKey + " " + problems);
        this.reason = reason;
        this.summaryKey = summaryKey;
        this.problems = List.copyOf(problems);
    }

    public static DocumentRejectedException malformed(Problem problem) {
        return new DocumentRejectedException(Reason.MALFORMED, problem.key(), List.of(problem));
    }

    public static DocumentRejectedException unprocessable(Problem problem) {
        return new DocumentRejectedException(Reason.UNPROCESSABLE, problem.key(), List.of(problem));
    }

    public Reason reason() {
        return reason;
    }

    /** The key of the one-line message that heads the answer. */
    public String summaryKey() {
        return summaryKey;
    }

    public List<Problem> problems() {
        return problems;
    }
}
