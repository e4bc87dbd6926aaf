package jp.tenken.evaluation;

import jakarta.inject.Singleton;
import jp.tenken.engine.WorkBudget;
import jp.tenken.organization.DepartmentDirectory;
import jp.tenken.plan.PlanDocument;
import jp.tenken.text.JapaneseWords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Traces each result of an evaluation to the initiatives of a plan by comparing words (CONTRACT
 * §10): the plan is indexed once ({@link InitiativeIndex}), each result is analysed into its
 * content words and scored against every initiative, and the initiatives scoring at least the
 * threshold and close to the best are listed, best first (ties by number). Done once per request;
 * the rules only read the traces.
 */
@Singleton
public final class Tracer {

    private final JapaneseWords words;
    private final TracingSettings settings;

    public Tracer(JapaneseWords words, TracingSettings settings) {
        this.words = words;
        this.settings = settings;
    }

    public TracingSettings settings() {
        return settings;
    }

    /** One trace per result, in document order. */
    public List<Trace> trace(EvaluationDocument evaluation, PlanDocument plan, DepartmentDirectory directory) {
        InitiativeIndex index = InitiativeIndex.of(plan, evaluation.fiscalYear(), directory, words, settings);
        WorkBudget budget = WorkBudget.current();
        List<Trace> traces = new ArrayList<>(evaluation.resultCount());
        for (EvaluationField field : evaluation.fields()) {
            for (int i = 0; i < field.results().size(); i++) {
                String result = field.results().get(i);
                traces.add(trace(field.name(), i, index.scores(result, words.terms(result)), index));
                if (traces.size() % 256 == 0) {
                    budget.checkpoint();
                }
            }
        }
        return traces;
    }

    private Trace trace(String field, int position, double[] scores, InitiativeIndex index) {
        double best = 0;
        for (double score : scores) {
            best = Math.max(best, score);
        }
        List<Integer> chosen = new ArrayList<>();
        if (best >= settings.threshold()) {
            double floor = Math.max(settings.threshold(), best * settings.runnerUpRatio());
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] >= floor) {
                    chosen.add(i);
                }
            }
            chosen.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(index::number));
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i : chosen) {
            int no = index.number(i);
            if (!numbers.contains(no) && numbers.size() < settings.maxInitiatives()) {
                numbers.add(no);
            }
        }
        return new Trace(field, position, numbers, Math.round(best * 1000) / 1000.0);
    }
}
