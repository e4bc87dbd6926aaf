package jp.tenken.inspection;

import jakarta.inject.Singleton;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.engine.Finding;
import jp.tenken.waiver.WaiverApplier;

import java.time.LocalDate;
import java.util.List;

/**
 * A self-inspection as answered: its findings marked by the waivers that hold on the as-of date
 * ({@link WaiverApplier}, read with the inspection's department), and its status worked out again
 * without the waived ones (CONTRACT §12). The stored status and findings stay as the rules gave them.
 */
@Singleton
public class InspectionWaivers {

    private final WaiverApplier applier;
    private final ChecklistRegistry checklists;

    public InspectionWaivers(WaiverApplier applier, ChecklistRegistry checklists) {
        this.applier = applier;
        this.checklists = checklists;
    }

    public WaiverApplier.Holding holding(String organization, LocalDate asOf) {
        return applier.holding(organization, asOf);
    }

    public StoredInspection apply(StoredInspection stored, WaiverApplier.Holding holding) {
        List<Finding> marked = holding.apply(WaiverApplier.department(stored.department()), stored.findings());
        return new StoredInspection(stored.id(), stored.organization(), stored.department(), stored.fiscalYear(),
                stored.checklistId(), stored.checklistVersion(), stored.submittedOn(), stored.storedAt(), stored.submittedBy(),
                statusOf(stored.checklistId(), marked, stored.status()), stored.rulesVersion(), stored.submission(), marked,
                stored.current());
    }

    public StoredInspection apply(StoredInspection stored, LocalDate asOf) {
        return apply(stored, holding(stored.organization(), asOf));
    }

    /** The status without the waived findings; the stored one when none is waived or the checklist is gone. */
    InspectionStatus statusOf(String checklistId, List<Finding> marked, InspectionStatus stored) {
        if (marked.stream().noneMatch(Finding::isWaived) || checklistId == null) {
            return stored;
        }
        return checklists.checklist(checklistId).map(c -> InspectionStatus.of(marked, c)).orElse(stored);
    }
}
