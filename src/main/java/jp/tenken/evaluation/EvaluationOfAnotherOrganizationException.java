package jp.tenken.evaluation;

import jp.tenken.api.OfAnotherOrganizationException;

/**
 * An upload names an evaluation id that another organization's evaluation already has: refused
 * whole (409), nothing stored, as for plans (CONTRACT §14).
 */
public class EvaluationOfAnotherOrganizationException extends OfAnotherOrganizationException {

    /** {@code organization} is the one the refused upload names, not the evaluation's owner. */
    public EvaluationOfAnotherOrganizationException(String evaluationId, String organization) {
        super("evaluation", evaluationId, organization);
    }
}
