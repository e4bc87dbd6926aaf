package jp.tenken.evaluation.facts;

import java.util.List;

/**
 * One result of the report with its trace, worked out before the rules run: the initiatives it
 * traces to (best first, empty when none) and the best score. {@code excerpt} is the start of
 * the text, for messages.
 */
public record ResultFact(String field, int index, String excerpt, List<Integer> initiativeNos, double score) {

    public boolean traced() {
        return !initiativeNos.isEmpty();
    }

    /** The result's position as people count it, from 1. */
    public int position() {
        return index + 1;
    }
}
