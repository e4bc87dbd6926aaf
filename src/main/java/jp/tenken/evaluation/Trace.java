package jp.tenken.evaluation;

import jp.tenken.document.Lists;

import java.util.List;

/**
 * Where one result of an evaluation leads in the plan (CONTRACT §10): the initiatives it traces to,
 * best first, empty when it traces to none; {@code score} is the best initiative's score (0 when no
 * initiative shares a word with it), rounded to three decimals.
 */
public record Trace(String field, int index, List<Integer> initiativeNos, double score) {
    public Trace {
        initiativeNos = Lists.immutable(initiativeNos);
    }

    public boolean traced() {
        return !initiativeNos.isEmpty();
    }
}
