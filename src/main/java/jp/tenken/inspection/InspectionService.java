package jp.tenken.inspection;

import jakarta.inject.Singleton;
import jp.tenken.inspection.facts.PreviousAnswer;

import java.util.List;
import java.util.Optional;

import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.account.Reach;
import jp.tenken.text.JapaneseDates;
import jp.tenken.waiver.WaiverApplier;

/**
 * Checks a submission against its checklist and last year's answers, and stores it. Every
 * submission it answers has its findings marked by the waivers that hold today, and its status
 * without them ({@link InspectionWaivers}).
 */
@Singleton
public class InspectionService {

    private final InspectionChecker checker;
    private final InspectionStore store;
    private final InspectionWaivers waivers;

    public InspectionService(InspectionChecker checker, InspectionStore store, InspectionWaivers waivers) {
        this.checker = checker;
        this.store = store;
        this.waivers = waivers;
    }

    /**
     * Checks and stores a submission for its department, which the caller must be allowed to submit
     * for (an officer only for its own departments, by the registry's name of the department), as
     * submitted by the caller.
     */
    public StoredInspection submit(Caller caller, InspectionSubmission submission) {
        String department = checker.unit(submission.organization(), submission.department()).name();
        caller.require(Action.INSPECTION_SUBMIT, submission.organization(), department);
        // Stored as the rules found it; answered with the waivers that hold today (CONTRACT §12).
        return waivers.apply(store.store(checker.check(submission, unit ->
                store.current(submission.organization(), unit, submission.fiscalYear() - 1)
                        .map(this::answersOf)
                        .orElse(List.of())), caller.username()), JapaneseDates.today());
    }

    /** A stored submission, if the caller may read its department's inspections. */
    public Optional<StoredInspection> find(Caller caller, String id) {
        Optional<StoredInspection> stored = store.find(id);
        stored.ifPresent(s -> caller.require(Action.INSPECTION_READ, s.organization(), s.department()));
        return stored.map(s -> waivers.apply(s, JapaneseDates.today()));
    }

    /**
     * The current submission of each department the caller may read, of one fiscal year or all,
     * of one department or all; asking for a department out of reach is refused.
     */
    public List<StoredInspection> current(Caller caller, String organization, Integer fiscalYear, String department) {
        Reach reach = caller.requireReach(Action.INSPECTION_READ, organization);
        String unit = department == null ? null : checker.unit(organization, department).name();
        if (unit != null) {
            caller.require(Action.INSPECTION_READ, organization, unit);
        }
        WaiverApplier.Holding holding = waivers.holding(organization, JapaneseDates.today());
        return store.current(organization, fiscalYear, unit).stream().filter(s -> reach.includes(s.department()))
                .map(s -> waivers.apply(s, holding)).toList();
    }

    /**
     * The organization-level answers of a fiscal year: the security office's current submission, which
     * every department's form shows read-only beside those items (only its answers to organization-level
     * items are shown, so no permission on the office's own inspection is needed). Empty where the
     * organization names no office or it has not submitted.
     */
    public Optional<StoredInspection> organizationLevel(String organization, int fiscalYear) {
        String office = checker.securityOffice(organization);
        return office == null ? Optional.empty() : store.current(organization, office, fiscalYear);
    }

    /**
     * Last year's answers under the ids of the current checklist version, for SI-REPEATED-FAILURE: an
     * answer to an item since renamed counts under its new id; one to an item since removed is dropped.
     */
    private List<PreviousAnswer> answersOf(StoredInspection inspection) {
        return checker.previousAnswers(inspection);
    }

    /**
     * A stored submission's answers as the current checklist version names its items (to copy last
     * year's answers into this year's form): renamed items under their new ids, removed ones left out.
     */
    public InspectionSubmission inCurrentVersion(StoredInspection inspection) {
        return checker.inCurrentVersion(inspection);
    }
}
