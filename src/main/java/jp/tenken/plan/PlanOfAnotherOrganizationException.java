package jp.tenken.plan;

/**
 * An upload names a plan id that another organization's plan already has (CONTRACT §14). Plans
 * belong to their organization: the upload is refused whole and nothing of it is stored.
 */
public class PlanOfAnotherOrganizationException extends RuntimeException {

    private final String planId;
    private final String organization;

    /** {@code organization} is the one the refused upload names, not the plan's owner. */
    public PlanOfAnotherOrganizationException(String planId, String organization) {
        super("plan " + planId + " belongs to another organization than " + organization);
        this.planId = planId;
        this.organization = organization;
    }

    public String planId() {
        return planId;
    }

    public String organization() {
        return organization;
    }
}
