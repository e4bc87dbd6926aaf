package jp.tenken.engine;

/**
 * A rule as the catalogue shows it: the metadata written on the rule and the file it lives in.
 *
 * @param family the rules folder it belongs to ({@code plan}, {@code inspection}, {@code audit})
 * @param source the file, relative to the rules folder's parent, e.g. {@code rules/plan/PLAN-NUMBER-GAP.drl}
 */
public record RuleDescriptor(String id, Severity severity, String title, String family, String source) {
    public static final String ID = "id";
    public static final String SEVERITY = "severity";
    public static final String TITLE = "title";
}
