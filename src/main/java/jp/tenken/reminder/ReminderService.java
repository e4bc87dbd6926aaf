package jp.tenken.reminder;

import jakarta.inject.Singleton;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.account.Reach;
import jp.tenken.audit.AuditFinding;
import jp.tenken.audit.AuditStore;
import jp.tenken.audit.StoredAudit;
import jp.tenken.inspection.Answer;
import jp.tenken.inspection.InspectionStore;
import jp.tenken.inspection.StoredInspection;
import jp.tenken.organization.Department;
import jp.tenken.organization.DepartmentDirectory;
import jp.tenken.organization.OrganizationRegistry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What departments must do by a date and have not done (CONTRACT §12), for the API, the calendar
 * feed, the home pages and the reminder mail alike:
 * <ul>
 * <li>the remediations of each department's latest self-inspection (the current submission of the
 * latest fiscal year submitted by the as-of date: a later year's inspection takes over the promises
 * of the earlier one), those with a due date;</li>
 * <li>the corrective actions of the audits held by the as-of date that are still open on it (not
 * completed, or completed only after it).</li>
 * </ul>
 * Sorted by due date, then department, kind (remediations first) and the record's identity, so the
 * same data gives the same list in the same order.
 */
@Singleton
public class ReminderService {

    /** The window of {@code GET /api/v1/reminders} when the request gives none. */
    public static final int DEFAULT_WITHIN_DAYS = 30;

    static final Comparator<Reminder> ORDER = Comparator.comparing(Reminder::dueDate)
            .thenComparing(Reminder::department)
            .thenComparing(Reminder::kind)
            .thenComparing(Reminder::item);

    private final InspectionStore inspections;
    private final AuditStore audits;
    private final OrganizationRegistry organizations;

    ReminderService(InspectionStore inspections, AuditStore audits, OrganizationRegistry organizations) {
        this.inspections = inspections;
        this.audits = audits;
        this.organizations = organizations;
    }

    /**
     * The caller's reminders of an organization, of one department (a registry name or alias) or
     * of every department within the caller's reach, overdue or due within {@code withinDays} of
     * {@code asOf} (null: however far ahead). An officer asking for another department is refused.
     */
    public List<Reminder> list(Caller caller, String organization, String department, LocalDate asOf, Integer withinDays) {
        caller.requireRole(Action.REMINDERS_READ);
        Reach reach = caller.requireReach(Action.REMINDERS_READ, organization);
        DepartmentDirectory directory = organizations.requireDirectory(organization);
        String unit = department == null ? null : directory.requireUnit(department, "department").name();
        if (unit != null) {
            caller.require(Action.REMINDERS_READ, organization, unit);
        }
        return open(organization, asOf).stream()
                .filter(r -> unit == null ? reach.includes(r.department()) : unit.equals(r.department()))
                .filter(r -> withinDays == null || r.daysLeft() <= withinDays)
                .toList();
    }

    /** Every open item of an organization as of a date, however far ahead, in the order above: what the mail job reads. */
    public List<Reminder> open(String organization, LocalDate asOf) {
        DepartmentDirectory directory = organizations.requireDirectory(organization);
        List<Reminder> open = new ArrayList<>();
        open.addAll(remediations(organization, asOf));
        open.addAll(correctiveActions(organization, directory, asOf));
        open.sort(ORDER);
        return open;
    }

    private List<Reminder> remediations(String organization, LocalDate asOf) {
        List<Reminder> due = new ArrayList<>();
        for (StoredInspection inspection : inspections.latestCurrent(organization, asOf)) {
            for (Answer answer : inspection.submission().answers()) {
                if (answer.remediation() == null || answer.remediation().dueDate() == null) {
                    continue;
                }
                LocalDate dueDate = answer.remediation().dueDate();
                long daysLeft = ChronoUnit.DAYS.between(asOf, dueDate);
                due.add(new Reminder(ReminderKind.REMEDIATION, inspection.department(), text(answer.remediation().action()),
                        dueDate, daysLeft, daysLeft < 0, ReminderSource.inspection(inspection.id(), answer.itemId()),
                        organization + "\n" + inspection.department() + "\n" + inspection.fiscalYear() + "\n" + answer.itemId(),
                        inspection.storedAt().toInstant()));
            }
        }
        return due;
    }

    private List<Reminder> correctiveActions(String organization, DepartmentDirectory directory, LocalDate asOf) {
        List<Reminder> due = new ArrayList<>();
        for (StoredAudit audit : audits.list(organization, null, null, null)) {
            if (audit.record().auditedOn().isAfter(asOf)) {
                continue;
            }
            String department = directory.resolve(audit.record().department()).map(Department::name)
                    .orElse(audit.record().department());
            for (AuditFinding finding : audit.record().findings()) {
                var action = finding.correctiveAction();
                if (action == null || action.dueDate() == null || !action.openOn(asOf)) {
                    continue;
                }
                long daysLeft = ChronoUnit.DAYS.between(asOf, action.dueDate());
                due.add(new Reminder(ReminderKind.CORRECTIVE_ACTION, department, text(action.action()), action.dueDate(),
                        daysLeft, daysLeft < 0, ReminderSource.audit(audit.id(), finding.id()),
                        organization + "\n" + audit.id() + "\n" + finding.id(), audit.storedAt().toInstant()));
            }
        }
        return due;
    }

    private static String text(String action) {
        return action == null ? "" : action;
    }
}
