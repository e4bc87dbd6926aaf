package jp.tenken.evaluation;

import jakarta.inject.Singleton;
import jp.tenken.engine.RuleBase;
import jp.tenken.evaluation.facts.EvaluationFact;
import jp.tenken.evaluation.facts.PlanInitiativeFact;
import jp.tenken.evaluation.facts.ResultFact;
import jp.tenken.evaluation.facts.TracedTo;
import jp.tenken.organization.DepartmentDirectory;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.plan.Initiative;
import jp.tenken.plan.InitiativeYear;
import jp.tenken.plan.PlanDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one entry point that checks an evaluation report against a plan: traces every result once
 * ({@link Tracer}), turns report, traces and plan into facts, and runs the evaluation rules
 * (rules/evaluation/) on them. The rules decide; the tracing only measures.
 */
@Singleton
public final class EvaluationChecker {

    static final String FAMILY = "evaluation";
    /** Characters of a result quoted in a message. */
    private static final int EXCERPT = 40;

    private final RuleBase ruleBase;
    private final OrganizationRegistry registry;
    private final Tracer tracer;

    public EvaluationChecker(RuleBase ruleBase, OrganizationRegistry registry, Tracer tracer) {
        this.ruleBase = ruleBase;
        this.registry = registry;
        this.tracer = tracer;
    }

    public EvaluationCheck check(EvaluationDocument evaluation, PlanDocument plan, int planVersion) {
        DepartmentDirectory directory = registry.requireDirectory(evaluation.organization());
        List<Trace> traces = tracer.trace(evaluation, plan, directory);
        List<Object> facts = new ArrayList<>();
        facts.add(new EvaluationFact(evaluation.id(), evaluation.fiscalYear(), plan.id(), planVersion,
                plan.period().from(), plan.period().to()));
        int t = 0;
        for (EvaluationField field : evaluation.fields()) {
            for (String result : field.results()) {
                Trace trace = traces.get(t++);
                facts.add(new ResultFact(field.name(), trace.index(), excerpt(result), trace.initiativeNos(), trace.score()));
                for (int no : trace.initiativeNos()) {
                    facts.add(new TracedTo(no, field.name(), trace.index()));
                }
            }
        }
        for (Initiative initiative : plan.initiatives()) {
            facts.add(new PlanInitiativeFact(initiative.no(), initiative.title(), hasResult(initiative, evaluation.fiscalYear())));
        }
        RuleBase.Compiled rules = ruleBase.compiled(); // once: the version names the rules that found
        return new EvaluationCheck(evaluation.id(), plan.id(), planVersion, rules.version(),
                rules.evaluate(FAMILY, facts, Map.of()), traces);
    }

    private static boolean hasResult(Initiative initiative, int fiscalYear) {
        for (InitiativeYear year : initiative.years()) {
            if (year.fiscalYear() != null && year.fiscalYear() == fiscalYear && year.result() != null && !year.result().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static String excerpt(String result) {
        String oneLine = result.strip().replaceAll("\\s+", " ");
        return oneLine.codePointCount(0, oneLine.length()) <= EXCERPT ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, EXCERPT)) + "…";
    }
}
