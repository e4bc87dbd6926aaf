package jp.tenken.inspection;

import jakarta.inject.Singleton;
import jp.tenken.api.NotFoundException;
import jp.tenken.checklist.AnswerType;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.document.RecordYears;
import jp.tenken.engine.Finding;
import jp.tenken.engine.RuleBase;
import jp.tenken.inspection.facts.PreviousAnswer;
import jp.tenken.organization.Department;
import jp.tenken.organization.OrganizationRegistry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one entry point that checks a self-inspection (HTTP and the command line call it). It refuses
 * a submission for an unknown checklist (404), an unknown or group department (422), a date outside
 * its fiscal year and the next, and answers that do not fit their item (400), then runs the
 * inspection rules.
 */
@Singleton
public final class InspectionChecker {

    static final String FAMILY = "inspection";

    private final RuleBase ruleBase;
    private final ChecklistRegistry checklists;
    private final OrganizationRegistry organizations;

    public InspectionChecker(RuleBase ruleBase, ChecklistRegistry checklists, OrganizationRegistry organizations) {
        this.ruleBase = ruleBase;
        this.checklists = checklists;
        this.organizations = organizations;
    }

    /** The unit a submission is for, by its registry name; refuses unknown organizations and departments and groups. */
    public Department unit(String organization, String department) {
        return organizations.requireDirectory(organization).requireUnit(department, "department");
    }

    /** The registry name of the organization's security office (which answers organization-level items); null if none. */
    public String securityOffice(String organization) {
        return organizations.requireDirectory(organization).securityOffice();
    }

    /**
     * Whether the department is its organization's security office, which answers the organization-level
     * items; false for an organization or department the registry does not know (refused later, by name).
     */
    public boolean answersOrganizationLevel(String organization, String department) {
        return organizations.directory(organization).map(directory -> directory.securityOffice() != null
                && directory.resolve(department).map(u -> u.name().equals(directory.securityOffice())).orElse(false))
                .orElse(false);
    }

    /**
     * Where an item a stored submission answered (in the checklist version it answered) is in the
     * current version: the same id, a renamed one, or empty where the item was removed.
     */
    public java.util.Optional<String> currentItemId(String checklistId, String answeredVersion, String itemId) {
        return checklists.follow(checklistId, answeredVersion, itemId, null);
    }

    /**
     * A stored submission's answers under the ids of the current checklist version, as last year's
     * answers for SI-REPEATED-FAILURE: an answer to an item since renamed counts under its new id, one
     * to an item since removed is dropped (a removed item is no repeated failure).
     */
    public List<PreviousAnswer> previousAnswers(StoredInspection inspection) {
        return inCurrentVersion(inspection).answers().stream()
                .filter(a -> a.answer() != null)
                .map(a -> new PreviousAnswer(a.itemId(), a.answer().name(), inspection.fiscalYear()))
                .toList();
    }

    /** A stored submission with its answers renamed into the current checklist version, removed items left out. */
    public InspectionSubmission inCurrentVersion(StoredInspection inspection) {
        InspectionSubmission s = inspection.submission();
        return s.withAnswers(s.answers().stream()
                .flatMap(a -> currentItemId(inspection.checklistId(), inspection.checklistVersion(), a.itemId())
                        .map(a::withItemId).stream())
                .toList());
    }

    /** A checklist in a version kept (earlier ones stay readable); the current one if the version is not kept. */
    public Checklist checklist(String id, String version) {
        return checklists.checklist(id, version).orElseGet(() -> checklist(id));
    }

    public Checklist checklist(String id) {
        return checklists.checklist(id).orElseThrow(() -> new NotFoundException("checklist.not-found", Map.of("id", id)));
    }

    /**
     * Checks a submission.
     *
     * @param previous the answers of the department's current submission for the previous fiscal
     *                 year, for SI-REPEATED-FAILURE; empty where there is none (or no store, as on the command line)
     */
    public InspectionCheck check(InspectionSubmission submission, List<PreviousAnswer> previous) {
        return check(submission, unitName -> previous);
    }

    /**
     * Checks a submission, asking {@code previousOfUnit} for last year's answers of the department
     * once its registry name is known.
     */
    public InspectionCheck check(InspectionSubmission submission, Function<String, List<PreviousAnswer>> previousOfUnit) {
        Checklist checklist = checklist(submission.checklistId());
        Department unit = unit(submission.organization(), submission.department());
        requireDatedInItsYearWithAnswersThatFitTheirItems(submission, checklist);
        boolean organizationLevel = answersOrganizationLevel(submission.organization(), unit.name());
        RuleBase.Compiled rules = ruleBase.compiled(); // once: the version names the rules that found
        List<Finding> findings = rules.evaluate(FAMILY, InspectionFacts.of(submission, unit.name(), checklist,
                previousOfUnit.apply(unit.name()), organizationLevel), Map.of());
        return new InspectionCheck(submission, unit.name(), checklist, rules.version(), findings,
                InspectionStatus.of(findings, checklist));
    }

    /**
     * The submission is dated within its fiscal year or the next ({@link RecordYears}); a YES_NO
     * item takes an answer, a PERCENT item a value or NA; each item is answered once.
     */
    private static void requireDatedInItsYearWithAnswersThatFitTheirItems(InspectionSubmission submission, Checklist checklist) {
        List<Problem> problems = new ArrayList<>();
        Problem date = RecordYears.dateProblem("submittedOn", submission.submittedOn(), submission.fiscalYear());
        if (date != null) {
            problems.add(date);
        }
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < submission.answers().size(); i++) {
            Answer answer = submission.answers().get(i);
            String at = "answers[" + i + "]";
            if (!answered.add(answer.itemId())) {
                problems.add(Problem.of(at + ".itemId", "inspection.answer.duplicate", "itemId", answer.itemId()));
            }
            ChecklistItem item = checklist.item(answer.itemId()).orElse(null);
            if (item == null) {
                continue; // SI-ITEM-UNKNOWN reports it
            }
            if (item.answerType() == AnswerType.YES_NO) {
                if (answer.answer() == null) {
                    problems.add(Problem.of(at + ".answer", "inspection.answer.yes-no", "itemId", item.id()));
                } else if (answer.value() != null) {
                    problems.add(Problem.of(at + ".value", "inspection.answer.no-value", "itemId", item.id()));
                }
            } else {
                boolean na = answer.answer() == AnswerValue.NA;
                if (answer.answer() != null && !na) {
                    problems.add(Problem.of(at + ".answer", "inspection.answer.percent", "itemId", item.id()));
                } else if (!na && answer.value() == null) {
                    problems.add(Problem.of(at + ".value", "inspection.answer.percent", "itemId", item.id()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED, "document.invalid", problems);
        }
    }
}
