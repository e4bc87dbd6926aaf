package jp.tenken.plan;

import jp.tenken.document.DocumentFormat;

import java.util.List;
import java.util.Optional;

/** Stored plans and their versions; H2 and PostgreSQL behind one implementation. */
public interface PlanStore {

    /**
     * Stores the plan with its findings as the version after the latest, stored by {@code actor}
     * (a user name), with its {@code PLAN_STORED} activity entry in the same transaction.
     *
     * @throws PlanOfAnotherOrganizationException when a plan of another organization has this id;
     *                                            nothing is stored and no entry written
     */
    StoredPlan store(PlanDocument plan, PlanSource source, PlanCheck check, String actor);

    /** {@link #store(PlanDocument, PlanSource, PlanCheck, String)} of a document sent as JSON or YAML. */
    default StoredPlan store(PlanDocument plan, byte[] source, DocumentFormat format, PlanCheck check, String actor) {
        return store(plan, PlanSource.of(source, format), check, actor);
    }

    /** The latest version of a plan. */
    Optional<StoredPlan> latest(String planId);

    /** One version of a plan. */
    Optional<StoredPlan> version(String planId, int version);

    /**
     * Every version of a plan, oldest first, with who stored it, when and how many findings of each
     * severity it had (counted when it was stored; neither its document nor its findings are read).
     * Empty when the plan is unknown.
     */
    List<PlanVersionSummary> versions(String planId);

    /** Every stored plan with its latest version, by id. */
    List<PlanSummary> list();

    /** The organization a plan id belongs to (that of its first stored version); empty when unknown. */
    Optional<String> organizationOf(String planId);
}
