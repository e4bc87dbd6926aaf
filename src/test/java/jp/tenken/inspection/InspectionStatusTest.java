package jp.tenken.inspection;

import jp.tenken.checklist.AnswerType;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.checklist.ItemSeverity;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Severity;
import jp.tenken.engine.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The status rule of CONTRACT §4, on its own. */
class InspectionStatusTest {

    static final Checklist CHECKLIST = new Checklist("c", "1", "t", null, null, List.of(
            item("H-01", ItemSeverity.HIGH), item("M-01", ItemSeverity.MEDIUM), item("L-01", ItemSeverity.LOW)));

    static ChecklistItem item(String id, ItemSeverity severity) {
        return new ChecklistItem(id, "c", "q", null, severity, AnswerType.YES_NO, false, false, null, null, null, null, null, null);
    }

    static Finding finding(Severity severity, String itemId) {
        return Finding.of("SI-X", severity, itemId == null ? Target.NONE : Target.item(itemId), Map.of());
    }

    @Test
    void anErrorOnAHighItemIsNonCompliant() {
        assertEquals(InspectionStatus.NON_COMPLIANT,
                InspectionStatus.of(List.of(finding(Severity.WARNING, "M-01"), finding(Severity.ERROR, "H-01")), CHECKLIST));
    }

    @Test
    void anErrorOnAMediumOrLowItemNeedsImprovement() {
        assertEquals(InspectionStatus.NEEDS_IMPROVEMENT, InspectionStatus.of(List.of(finding(Severity.ERROR, "M-01")), CHECKLIST));
        assertEquals(InspectionStatus.NEEDS_IMPROVEMENT, InspectionStatus.of(List.of(finding(Severity.ERROR, "L-01")), CHECKLIST));
    }

    @Test
    void anErrorOnAnItemTheChecklistLacksNeedsImprovement() {
        assertEquals(InspectionStatus.NEEDS_IMPROVEMENT, InspectionStatus.of(List.of(finding(Severity.ERROR, "X-99")), CHECKLIST));
    }

    @Test
    void aWarningOnAHighItemNeedsImprovement() {
        assertEquals(InspectionStatus.NEEDS_IMPROVEMENT, InspectionStatus.of(List.of(finding(Severity.WARNING, "H-01")), CHECKLIST));
    }

    @Test
    void infosAloneAndNoFindingsAreCompliant() {
        assertEquals(InspectionStatus.COMPLIANT, InspectionStatus.of(List.of(finding(Severity.INFO, "H-01")), CHECKLIST));
        assertEquals(InspectionStatus.COMPLIANT, InspectionStatus.of(List.of(), CHECKLIST));
    }

    /** CONTRACT §15: the security office's findings on organization-level items are judged apart. */
    @Test
    void findingsOnOrganizationLevelItemsNeverChangeTheDepartmentsStatus() {
        Checklist checklist = new Checklist("c", "1", "t", null, null, List.of(item("H-01", ItemSeverity.HIGH),
                new ChecklistItem("O-01", "c", "q", null, ItemSeverity.HIGH, AnswerType.YES_NO, false, false, null, null, null, null, null,
                        jp.tenken.checklist.ItemScope.ORGANIZATION)));
        List<Finding> findings = List.of(finding(Severity.ERROR, "O-01"));
        assertEquals(InspectionStatus.COMPLIANT, InspectionStatus.of(findings, checklist));
        assertEquals(InspectionStatus.NON_COMPLIANT, InspectionStatus.ofOrganizationLevel(findings, checklist));
        assertEquals(InspectionStatus.COMPLIANT, InspectionStatus.ofOrganizationLevel(List.of(finding(Severity.ERROR, "H-01")), checklist));
    }
}
