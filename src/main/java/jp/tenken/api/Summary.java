package jp.tenken.api;

import jp.tenken.engine.Finding;
import jp.tenken.engine.Severity;

import java.util.List;

/** How many findings there are of each severity. */
public record Summary(long errors, long warnings, long infos) {

    public static Summary of(List<Finding> findings) {
        return new Summary(count(findings, Severity.ERROR), count(findings, Severity.WARNING), count(findings, Severity.INFO));
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
