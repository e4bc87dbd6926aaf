package jp.tenken.evaluation.facts;

/** One link of a trace: the result {@code index} of {@code field} traces to the initiative {@code initiativeNo}. */
public record TracedTo(int initiativeNo, String field, int index) {
}
