package jp.tenken;

import jp.tenken.document.DocumentReader;
import jp.tenken.engine.RuleBase;
import jp.tenken.evaluation.EvaluationChecker;
import jp.tenken.evaluation.Tracer;
import jp.tenken.evaluation.TracingSettings;
import jp.tenken.text.JapaneseWords;
import jp.tenken.engine.RuleBaseLoader;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.plan.PlanChecker;

import java.nio.file.Path;

/** The real rules, registry and reader of the repository, built once for the tests that need no server. */
public final class TestEngine {

    public static final Path RULES = Path.of("rules");
    public static final Path SEEDS = Path.of("seeds");

    private static RuleBase ruleBase;
    private static OrganizationRegistry registry;
    private static DocumentReader reader;

    private TestEngine() {
    }

    public static synchronized RuleBase ruleBase() {
        if (ruleBase == null) {
            ruleBase = RuleBaseLoader.load(RULES);
        }
        return ruleBase;
    }

    public static synchronized OrganizationRegistry registry() {
        if (registry == null) {
            registry = OrganizationRegistry.load(SEEDS);
        }
        return registry;
    }

    public static synchronized DocumentReader reader() {
        if (reader == null) {
            reader = DocumentReader.withHibernateValidator(10 * 1024 * 1024);
        }
        return reader;
    }

    /** The evaluation checker with the real tracing (Kuromoji, default weights and threshold). */
    public static EvaluationChecker evaluationChecker() {
        return new EvaluationChecker(ruleBase(), registry(), new Tracer(JapaneseWords.loaded(), TracingSettings.DEFAULTS));
    }

    public static PlanChecker planChecker() {
        return new PlanChecker(ruleBase(), registry());
    }
}
