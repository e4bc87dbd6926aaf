package jp.tenken.evaluation;

/**
 * An upload names an evaluation id that another organization's evaluation already has: refused
 * whole (409), nothing stored, as for plans (CONTRACT §14).
 */
public class EvaluationOfAnotherOrganizationException extends RuntimeException {

    private final String evaluationId;
    private final String organization;

    /** {@code organization} is the one the refused upload names, not the evaluation's owner. */
    public EvaluationOfAnotherOrganizationException(String evaluationId, String organization) {
        super("evaluation " + evaluationId + " belongs to another organization than " + organization);
        this.evaluationId = evaluationId;
        this.organization = organization;
    }

    public String evaluationId() {
        return evaluationId;
    }

    public String organization() {
        return organization;
    }
}
