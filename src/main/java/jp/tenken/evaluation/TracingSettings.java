package jp.tenken.evaluation;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * How results are traced to initiatives ({@code tenken.evaluation.*}, README "Evaluation reports"):
 * the weight of each text of an initiative, the BM25 parameters, the bonus for a department the
 * result names, and the score from which a result counts as traced. The defaults were set on the
 * city's own evaluation sheet (docs/findings-on-hiratsuka-evaluation.md).
 *
 * @param titleWeight       an initiative's title: its own name of what it does, counted this many times
 * @param purposeWeight     its purpose (目的)
 * @param summaryWeight     its activities (活動内容)
 * @param planWeight        its plan items of every year
 * @param resultWeight      its result (実績) for the evaluation's fiscal year: what the report should retell
 * @param departmentBonus   added to the score of each initiative of a department the result names by its registry name, alias or former name
 * @param threshold         the score from which a result counts as traced
 * @param runnerUpRatio     another initiative is listed too when it scores at least this share of the best one
 * @param maxInitiatives    the most initiatives one trace lists
 * @param k1                BM25's term-frequency saturation
 * @param b                 BM25's length normalisation
 */
@Singleton
public record TracingSettings(double titleWeight, double purposeWeight, double summaryWeight, double planWeight,
                              double resultWeight, double departmentBonus, double threshold, double runnerUpRatio,
                              int maxInitiatives, double k1, double b) {

    /** The defaults, for the command line, tests and the bench. */
    public static final TracingSettings DEFAULTS = new TracingSettings(3, 1, 1, 1, 2, 0.15, 0.25, 0.8, 3, 1.2, 0.75);

    @jakarta.inject.Inject
    public TracingSettings(@Value("${tenken.evaluation.weights.title:3}") double titleWeight,
                           @Value("${tenken.evaluation.weights.purpose:1}") double purposeWeight,
                           @Value("${tenken.evaluation.weights.summary:1}") double summaryWeight,
                           @Value("${tenken.evaluation.weights.plan:1}") double planWeight,
                           @Value("${tenken.evaluation.weights.result:2}") double resultWeight,
                           @Value("${tenken.evaluation.department-bonus:0.15}") double departmentBonus,
                           @Value("${tenken.evaluation.threshold:0.25}") double threshold,
                           @Value("${tenken.evaluation.runner-up-ratio:0.8}") double runnerUpRatio,
                           @Value("${tenken.evaluation.max-initiatives:3}") int maxInitiatives,
                           @Value("${tenken.evaluation.bm25.k1:1.2}") double k1,
                           @Value("${tenken.evaluation.bm25.b:0.75}") double b) {
        this.titleWeight = titleWeight;
        this.purposeWeight = purposeWeight;
        this.summaryWeight = summaryWeight;
        this.planWeight = planWeight;
        this.resultWeight = resultWeight;
        this.departmentBonus = departmentBonus;
        this.threshold = threshold;
        this.runnerUpRatio = runnerUpRatio;
        this.maxInitiatives = Math.max(1, maxInitiatives);
        this.k1 = k1;
        this.b = b;
    }
}
