package jp.tenken.evaluation.facts;

/** The evaluation report as a whole, with the period of the plan version it is checked against. */
public record EvaluationFact(String id, int fiscalYear, String planId, int planVersion, int planFrom, int planTo) {

    /** Whether the report's fiscal year lies within the plan's period, both ends included. */
    public boolean withinPlan() {
        return fiscalYear >= planFrom && fiscalYear <= planTo;
    }
}
