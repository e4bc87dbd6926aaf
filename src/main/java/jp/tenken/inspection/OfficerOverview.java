package jp.tenken.inspection;

import jakarta.inject.Singleton;
import jp.tenken.account.Caller;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a security officer's home page shows of its own departments: this fiscal year's current
 * submission (or none) and the submissions of earlier years (what falls due comes from
 * {@code jp.tenken.reminder.ReminderService}). Everything is read through {@link InspectionService},
 * so the statuses and permissions are the API's own.
 */
@Singleton
public class OfficerOverview {

    /** One department's line. {@code current}: this fiscal year's current submission, if any. */
    public record DepartmentLine(String department, Optional<StoredInspection> current, List<StoredInspection> earlier) {
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
}
