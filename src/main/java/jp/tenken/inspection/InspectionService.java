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
                        .map(InspectionService::answersOf)
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

    private static List<PreviousAnswer> answersOf(StoredInspection inspection) {
        return inspection.submission().answers().stream()
                .filter(a -> a.answer() != null)
                .map(a -> new PreviousAnswer(a.itemId(), a.answer().name(), inspection.fiscalYear()))
                .toList();
    }
}
