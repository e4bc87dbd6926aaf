package jp.tenken.cli;

import jp.tenken.api.FindingView;
import jp.tenken.api.Summary;
import jp.tenken.engine.Language;
import jp.tenken.engine.Target;
import jp.tenken.i18n.Texts;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Prints findings for a person: one line each (severity, rule id, where, message), then a summary. */
final class FindingPrinter {

    private FindingPrinter() {
    }

    static void print(PrintStream out, List<FindingView> findings, Summary summary, Language language) {
        if (findings.isEmpty()) {
            out.println(Texts.get(language, "cli.no-findings"));
        }
        for (FindingView f : findings) {
            out.printf("%-7s %-34s %-8s %s%n", f.severity(), f.ruleId(), where(f.target()), f.message());
        }
        out.println(Texts.get(language, "cli.summary", Map.of(
                "errors", Texts.count(language, "cli.count.errors", summary.errors()),
                "warnings", Texts.count(language, "cli.count.warnings", summary.warnings()),
                "infos", Texts.count(language, "cli.count.infos", summary.infos()))));
    }

    /** The most specific place a finding points at, short: No.8, G1, FY2025, a department or an item. */
    static String where(Target target) {
        if (target.initiativeNo() != null) {
            return "No." + target.initiativeNo();
        }
        if (target.goalId() != null) {
            return target.goalId();
        }
        if (target.itemId() != null) {
            return target.itemId();
        }
        if (target.department() != null) {
            return target.department();
        }
        if (target.fiscalYear() != null) {
            return "FY" + target.fiscalYear();
        }
        return "-";
    }
}
