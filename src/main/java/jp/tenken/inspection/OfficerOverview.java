package jp.tenken.inspection;

import jakarta.inject.Singleton;
import jp.tenken.account.Caller;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a security officer's home page shows of its own departments: this fiscal year's current
 * submission (or none), the submissions of earlier years, and the remediations promised in the
 * latest submissions that are overdue or fall due soon. Everything is read through
 * {@link InspectionService}, so the statuses and permissions are the API's own.
 */
@Singleton
public class OfficerOverview {

    /** How far ahead a promised remediation counts as falling due soon. */
    static final int DUE_SOON_DAYS = 90;

    /** One department's line. {@code current}: this fiscal year's current submission, if any. */
    public record DepartmentLine(String department, Optional<StoredInspection> current, List<StoredInspection> earlier) {
    }

    /** A remediation of a latest submission, with its item and days left (negative: overdue). */
    public record DueRemediation(String department, int fiscalYear, String inspectionId, String itemId,
                                 String action, LocalDate dueDate, long daysLeft) {
        public boolean overdue() {
            return daysLeft < 0;
        }
    }

    private final InspectionService inspections;

    OfficerOverview(InspectionService inspections) {
        this.inspections = inspections;
    }

    /** The caller's own departments (of a security officer), each with this year's and earlier submissions. */
    public List<DepartmentLine> departments(Caller caller, int fiscalYear) {
        String organization = caller.account().organization();
        List<DepartmentLine> lines = new ArrayList<>();
        for (String department : caller.account().departments()) {
            List<StoredInspection> all = inspections.current(caller, organization, null, department);
            Optional<StoredInspection> current = all.stream().filter(s -> s.fiscalYear() == fiscalYear).findFirst();
            List<StoredInspection> earlier = all.stream().filter(s -> s.fiscalYear() < fiscalYear)
                    .sorted(Comparator.comparingInt(StoredInspection::fiscalYear).reversed()).toList();
            lines.add(new DepartmentLine(department, current, earlier));
        }
        return lines;
    }

    /**
     * The remediations of each department's latest submission that are overdue or due within
     * {@link #DUE_SOON_DAYS} days of {@code today}, the soonest first.
     */
    public List<DueRemediation> dueSoon(List<DepartmentLine> lines, LocalDate today) {
        List<DueRemediation> due = new ArrayList<>();
        for (DepartmentLine line : lines) {
            Optional<StoredInspection> latest = line.current().or(() -> line.earlier().stream().findFirst());
            latest.ifPresent(inspection -> inspection.submission().answers().stream()
                    .filter(a -> a.remediation() != null && a.remediation().dueDate() != null)
                    .forEach(a -> {
                        long days = java.time.temporal.ChronoUnit.DAYS.between(today, a.remediation().dueDate());
                        if (days <= DUE_SOON_DAYS) {
                            due.add(new DueRemediation(line.department(), inspection.fiscalYear(), inspection.id(),
                                    a.itemId(), a.remediation().action(), a.remediation().dueDate(), days));
                        }
                    }));
        }
        due.sort(Comparator.comparing(DueRemediation::dueDate).thenComparing(DueRemediation::department)
                .thenComparing(DueRemediation::itemId));
        return due;
    }
}
