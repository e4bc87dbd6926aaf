package jp.tenken.inspection;

import jakarta.inject.Singleton;
import jp.tenken.inspection.facts.PreviousAnswer;

import java.util.List;

/** Checks a submission against its checklist and last year's answers, and stores it. */
@Singleton
public class InspectionService {

    private final InspectionChecker checker;
    private final InspectionStore store;

    public InspectionService(InspectionChecker checker, InspectionStore store) {
        this.checker = checker;
        this.store = store;
    }

    public StoredInspection submit(InspectionSubmission submission) {
        return store.store(checker.check(submission, unit ->
                store.current(submission.organization(), unit, submission.fiscalYear() - 1)
                        .map(InspectionService::answersOf)
                        .orElse(List.of())));
    }

    private static List<PreviousAnswer> answersOf(StoredInspection inspection) {
        return inspection.submission().answers().stream()
                .filter(a -> a.answer() != null)
                .map(a -> new PreviousAnswer(a.itemId(), a.answer().name(), inspection.fiscalYear()))
                .toList();
    }
}
