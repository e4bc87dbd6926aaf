package jp.tenken.api;

import jp.tenken.engine.Finding;
import jp.tenken.engine.Severity;

import java.util.List;

/**
 * How many findings there are of each severity, and how many are accepted under a waiver
 * (CONTRACT §12): a waived finding counts in {@code waived} only, never in its severity.
 */
public record Summary(long errors, long warnings, long infos, long waived) {

    /** A summary stored before waivers existed, or of findings none of which is waived. */
    public Summary(long errors, long warnings, long infos) {
        this(errors, warnings, infos, 0);
    }

    public static Summary of(List<Finding> findings) {
        return new Summary(count(findings, Severity.ERROR), count(findings, Severity.WARNING), count(findings, Severity.INFO),
                findings.stream().filter(Finding::isWaived).count());
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> !f.isWaived() && f.severity() == severity).count();
    }
}
