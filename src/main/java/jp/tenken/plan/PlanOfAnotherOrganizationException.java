package jp.tenken.plan;

import jp.tenken.api.OfAnotherOrganizationException;

/**
 * An upload names a plan id that another organization's plan already has (CONTRACT §14). Plans
 * belong to their organization: the upload is refused whole and nothing of it is stored.
 */
public class PlanOfAnotherOrganizationException extends OfAnotherOrganizationException {

    /** {@code organization} is the one the refused upload names, not the plan's owner. */
    public PlanOfAnotherOrganizationException(String planId, String organization) {
        super("plan", planId, organization);
    }
}
