package jp.tenken.inspection;

import jakarta.inject.Singleton;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.checklist.Checklist;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drafts of a department's self-inspection: whoever may submit for the department (an officer for
 * its own departments, an ADMIN for all; {@link Action#INSPECTION_SUBMIT}, decided by
 * {@link jp.tenken.account.Permissions}) may save, read and delete its draft. The department is
 * named as in a submission, by its registry name or an alias (an unknown one or a group is 422), and
 * the draft is kept under the registry's name.
 */
@Singleton
public class InspectionDraftService {

    /** The words a YES_NO answer may hold in a draft; empty (or none) is "not answered yet". */
    private static final Set<String> ANSWERS = Set.of("", "YES", "PARTIAL", "NO", "NA");

    private final InspectionChecker checker;
    private final InspectionDraftStore store;

    public InspectionDraftService(InspectionChecker checker, InspectionDraftStore store) {
        this.checker = checker;
        this.store = store;
    }

    /** The department's draft of the year, if there is one. */
    public Optional<InspectionDraft> find(Caller caller, String organization, String department, int fiscalYear) {
        String unit = requireSubmitter(caller, organization, department);
        return store.find(organization, unit, fiscalYear);
    }

    /**
     * Saves the department's draft of the year as the caller typed it, replacing the one there was.
     * Refused with 400 naming the field: more answers than the checklist has items, an item id that
     * is not the checklist's or given twice, an answer other than YES, PARTIAL, NO, NA or empty, a
     * text over its limit ({@link InspectionDraft#TEXT}, {@link InspectionDraft#TYPED}). An unknown
     * checklist is 404, as for a submission.
     */
    public InspectionDraft save(Caller caller, String organization, String department, int fiscalYear, DraftRequest draft) {
        String unit = requireSubmitter(caller, organization, department);
        Checklist checklist = checker.checklist(draft.checklistId());
        requireAnswersOf(checklist, draft.answers());
        return store.save(organization, unit, fiscalYear, checklist.id(), draft.answers(), caller.username());
    }

    /** Deletes the department's draft of the year; answers whether there was one. */
    public boolean delete(Caller caller, String organization, String department, int fiscalYear) {
        String unit = requireSubmitter(caller, organization, department);
        return store.delete(organization, unit, fiscalYear, caller.username());
    }

    /** The registry's name of the department, once the caller may submit for it. */
    private String requireSubmitter(Caller caller, String organization, String department) {
        caller.requireRole(Action.INSPECTION_SUBMIT);
        String unit = checker.unit(organization, department).name();
        caller.require(Action.INSPECTION_SUBMIT, organization, unit);
        return unit;
    }

    private static void requireAnswersOf(Checklist checklist, List<DraftAnswer> answers) {
        int items = checklist.items().size();
        if (answers.size() > items) {
            throw DocumentRejectedException.malformed(Problem.of("answers", "document.limit.items", "max", String.valueOf(items)));
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            DraftAnswer answer = answers.get(i);
            String at = "answers[" + i + "]";
            if (checklist.item(answer.itemId()).isEmpty()) {
                problems.add(Problem.of(at + ".itemId", "draft.item-unknown", "itemId", answer.itemId(),
                        "checklist", checklist.id()));
            } else if (!answered.add(answer.itemId())) {
                problems.add(Problem.of(at + ".itemId", "inspection.answer.duplicate", "itemId", answer.itemId()));
            }
            if (answer.answer() != null && !ANSWERS.contains(answer.answer())) {
                problems.add(Problem.of(at + ".answer", "document.enum", "allowed", "YES, PARTIAL, NO, NA"));
            }
        }
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED, "document.invalid", problems);
        }
    }
}
