package jp.tenken.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and percentiles of measured durations, in milliseconds. */
final class Stats {
    private final List<Double> millis = new ArrayList<>();

    void add(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    double mean() {
        return millis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    double median() {
        return percentile(50);
    }

    double percentile(double p) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Every value in the order measured, rounded to whole milliseconds: "3,412, 3,877, 3,301 ms". */
    String all() {
        return millis.stream().map(m -> String.format(java.util.Locale.ROOT, "%,.0f", m))
                .collect(java.util.stream.Collectors.joining(", ")) + " ms";
    }

    int count() {
        return millis.size();
    }
}
