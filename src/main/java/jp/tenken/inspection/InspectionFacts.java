package jp.tenken.inspection;

import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.inspection.facts.AnswerFact;
import jp.tenken.inspection.facts.ItemFact;
import jp.tenken.inspection.facts.PreviousAnswer;
import jp.tenken.inspection.facts.SubmissionFact;

import java.util.ArrayList;
import java.util.List;

/** Turns a submission, its checklist and last year's answers into the facts the inspection rules match on. */
final class InspectionFacts {

    private InspectionFacts() {
    }

    static List<Object> of(InspectionSubmission submission, String department, Checklist checklist,
                           List<PreviousAnswer> previous) {
        List<Object> facts = new ArrayList<>();
        facts.add(new SubmissionFact(department, submission.fiscalYear(), submission.submittedOn()));
        for (ChecklistItem item : checklist.items()) {
            facts.add(new ItemFact(item.id(), item.severity().name(), item.answerType().name(),
                    Boolean.TRUE.equals(item.evidenceRequired()), Boolean.TRUE.equals(item.naAllowed()),
                    item.dependsOn(), item.threshold()));
        }
        List<Answer> answers = submission.answers();
        for (int index = 0; index < answers.size(); index++) {
            Answer answer = answers.get(index);
            Remediation remediation = answer.remediation();
            facts.add(new AnswerFact(index, answer.itemId(), answer.answer() == null ? null : answer.answer().name(),
                    answer.value() == null ? null : answer.value().doubleValue(), answer.hasEvidence(),
                    remediation != null && remediation.complete(), remediation == null ? null : remediation.dueDate()));
        }
        facts.addAll(previous);
        return facts;
    }
}
