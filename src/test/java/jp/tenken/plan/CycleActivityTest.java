package jp.tenken.plan;

import jp.tenken.plan.facts.CycleActivity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.tenken.plan.facts.CycleActivity.AUDIT;
import static jp.tenken.plan.facts.CycleActivity.SELF_INSPECTION;
import static jp.tenken.plan.facts.CycleActivity.TRAINING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CycleActivityTest {

    @Test
    void auditorsAndAuditCommissionersAreNoAudit() {
        assertFalse(AUDIT.namedIn("監査員研修"));
        assertFalse(AUDIT.namedIn("自己点検結果の監査委員への報告"));
        assertTrue(TRAINING.namedIn("監査員研修"));
        assertTrue(AUDIT.namedIn("監査員による監査の実施"));
        assertTrue(AUDIT.namedIn("外部監査"));
        assertTrue(AUDIT.namedIn("監査班の拡充"));
    }

    @Test
    void whatIsMissingIsListedInCycleOrderInBothLanguages() {
        List<CycleActivity> missing = CycleActivity.missingFrom(List.of("監査員研修", "ポリシーの改定"));
        assertEquals(List.of(SELF_INSPECTION, AUDIT), missing);
        assertEquals("自己点検・監査", CycleActivity.words(missing));
        assertEquals("self-inspection, audit", CycleActivity.englishWords(missing));
        assertEquals(List.of(), CycleActivity.missingFrom(List.of("研修", "自己点検", "監査")));
    }
}
