package jp.tenken.engine;

/**
 * A rule as the catalogue shows it: the metadata written on the rule and the file it lives in.
 *
 * @param family the rules folder it belongs to ({@code plan}, {@code inspection}, {@code audit})
 * @param source the file, relative to the rules folder's parent, e.g. {@code rules/plan/PLAN-NUMBER-GAP.drl}
 * @param targetKeys the keys a finding of the rule may have, read with its record ({@code @targetKeys}, comma
 *                   separated): those of its {@code target} and the record's ({@code department} of an
 *                   inspection, audit or compliance line; {@code planId} of a plan or evaluation). A waiver's
 *                   target may use only these (CONTRACT §12). Empty when the rule declares none.
 */
public record RuleDescriptor(String id, Severity severity, String title, String family, String source,
                             java.util.List<String> targetKeys) {
    public static final String TARGET_KEYS = "targetKeys";

    public RuleDescriptor {
        targetKeys = targetKeys == null ? java.util.List.of() : java.util.List.copyOf(targetKeys);
    }

    public RuleDescriptor(String id, Severity severity, String title, String family, String source) {
        this(id, severity, title, family, source, java.util.List.of());
    }

    public static final String ID = "id";
    public static final String SEVERITY = "severity";
    public static final String TITLE = "title";
}
