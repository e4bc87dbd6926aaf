package jp.tenken.inspection;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tenken.api.FindingView;
import jp.tenken.api.ShownFindings;
import jp.tenken.api.Summary;
import jp.tenken.checklist.Checklist;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleMessages;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * A self-inspection as answered (CONTRACT §4): its status, findings and the improvements the
 * department has promised, by due date. {@code answers} only where one submission is asked for.
 * {@code submittedBy} names the user who submitted it; like every other null field it is left out
 * for a submission stored before accounts existed. {@code checklistVersion} is the version of the
 * checklist it answered (CONTRACT §15); an earlier one stays readable with {@code ?version=}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionResponse(String id, String checklistId, String checklistVersion, String organization, String department, int fiscalYear,
                                 LocalDate submittedOn, OffsetDateTime storedAt, String submittedBy,
                                 InspectionStatus status, boolean current,
                                 String rulesVersion, Summary summary, List<FindingView> findings, boolean truncated,
                                 List<RemediationView> remediations, List<Answer> answers) {

    /** An improvement the department must make, and by when. */
    public record RemediationView(String itemId, String question, String action, LocalDate dueDate) {
    }

    static InspectionResponse of(StoredInspection stored, Checklist checklist, RuleMessages messages, Language language,
                                 boolean withAnswers) {
        List<RemediationView> remediations = stored.submission().answers().stream()
                .filter(a -> a.remediation() != null)
                .map(a -> new RemediationView(a.itemId(),
                        checklist == null ? null : checklist.item(a.itemId()).map(i -> i.question(language)).orElse(null),
                        a.remediation().action(), a.remediation().dueDate()))
                .sorted(Comparator.comparing(RemediationView::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RemediationView::itemId))
                .toList();
        ShownFindings shown = ShownFindings.of(stored.findings(), messages, language);
        return new InspectionResponse(stored.id(), stored.checklistId(), stored.checklistVersion(), stored.organization(), stored.department(),
                stored.fiscalYear(), stored.submittedOn(), stored.storedAt(), stored.submittedBy(), stored.status(), stored.current(),
                stored.rulesVersion(), Summary.of(stored.findings()), shown.findings(), shown.truncated(), remediations, withAnswers ? stored.submission().answers() : null);
    }
}
