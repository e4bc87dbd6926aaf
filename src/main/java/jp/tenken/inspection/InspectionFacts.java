package jp.tenken.inspection;

import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.inspection.facts.AnswerFact;
import jp.tenken.inspection.facts.ItemFact;
import jp.tenken.inspection.facts.PreviousAnswer;
import jp.tenken.inspection.facts.SubmissionFact;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a submission, its checklist and last year's answers into the facts the inspection rules match
 * on. A department's submission leaves the organization-level items out (CONTRACT §15): they are not
 * asked (no SI-ANSWER-MISSING), an answer given to one is kept with the submission but not checked,
 * and so no finding of a department ever concerns one. The security office's submission
 * ({@code organizationLevel}) answers them for the whole organization and has them checked.
 */
final class InspectionFacts {

    private InspectionFacts() {
    }

    static List<Object> of(InspectionSubmission submission, String department, Checklist checklist,
                           List<PreviousAnswer> previous, boolean organizationLevel) {
        java.util.Set<String> notAsked = new java.util.HashSet<>();
        List<Object> facts = new ArrayList<>();
        facts.add(new SubmissionFact(department, submission.fiscalYear(), submission.submittedOn()));
        for (ChecklistItem item : checklist.items()) {
            if (item.organizationLevel() && !organizationLevel) {
                notAsked.add(item.id());
                continue;
            }
            facts.add(new ItemFact(item.id(), item.severity().name(), item.answerType().name(),
                    Boolean.TRUE.equals(item.evidenceRequired()), Boolean.TRUE.equals(item.naAllowed()),
                    item.dependsOn(), item.threshold()));
        }
        List<Answer> answers = submission.answers();
        for (int index = 0; index < answers.size(); index++) {
            Answer answer = answers.get(index);
            if (notAsked.contains(answer.itemId())) {
                continue;
            }
            Remediation remediation = answer.remediation();
            facts.add(new AnswerFact(index, answer.itemId(), answer.answer() == null ? null : answer.answer().name(),
                    answer.value() == null ? null : answer.value().doubleValue(), answer.hasEvidence(),
                    remediation != null && remediation.complete(), remediation == null ? null : remediation.dueDate()));
        }
        previous.stream().filter(p -> !notAsked.contains(p.itemId())).forEach(facts::add);
        return facts;
    }
}
