package jp.tenken.plan;

import jp.tenken.Fixtures;
import jp.tenken.TestEngine;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.engine.Finding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCheckerTest {

    static PlanDocument dxPlan() throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.DX_PLAN);
        return TestEngine.reader().read(bytes, DocumentFormat.YAML, PlanDocument.class);
    }

    @Test
    void theSameInputGivesTheSameFindingsInTheSameOrder() throws Exception {
        PlanDocument plan = dxPlan();
        List<Finding> first = TestEngine.planChecker().check(plan).findings();
        for (int i = 0; i < 5; i++) {
            assertEquals(first, TestEngine.planChecker().check(plan).findings());
        }
    }

    @Test
    void theOrderOfInitiativesInTheDocumentDoesNotChangeTheFindingsOrOrder() throws Exception {
        PlanDocument plan = dxPlan();
        List<Initiative> shuffled = new ArrayList<>(plan.initiatives());
        Collections.shuffle(shuffled, new Random(42));
        PlanDocument reordered = new PlanDocument(plan.id(), plan.title(), plan.organization(), plan.revisedOn(),
                plan.period(), plan.parent(), plan.source(), plan.policies(), plan.goals(), shuffled);
        assertEquals(TestEngine.planChecker().check(plan).findings(), TestEngine.planChecker().check(reordered).findings());
    }

    @Test
    void findingsAreSortedBySeverityThenTargetThenRuleId() throws Exception {
        List<Finding> findings = TestEngine.planChecker().check(dxPlan()).findings();
        List<Finding> sorted = new ArrayList<>(findings);
        Collections.sort(sorted);
        assertEquals(sorted, findings);
        assertEquals("ERROR", findings.get(0).severity().name());
    }

    @Test
    void aReversedPeriodIsRefusedNamingPeriodTo() {
        String plan = Fixtures.SMALL_PLAN.replace("\"to\": 2026", "\"to\": 2020");
        PlanDocument document = TestEngine.reader().read(plan.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON, PlanDocument.class);
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> TestEngine.planChecker().check(document));
        assertEquals("period.to", e.problems().get(0).path());
    }

    @Test
    void duplicatePolicyIdsAreRefusedNamingTheSecond() {
        String plan = Fixtures.SMALL_PLAN.replace("\"policies\": [{\"id\": \"P1\", \"name\": \"暮らしのデジタル化\"}]",
                "\"policies\": [{\"id\": \"P1\", \"name\": \"a\"}, {\"id\": \"P1\", \"name\": \"b\"}]");
        PlanDocument document = TestEngine.reader().read(plan.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON, PlanDocument.class);
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> TestEngine.planChecker().check(document));
        assertEquals("policies[1].id", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message(jp.tenken.engine.Language.JA).contains("P1"));
    }
}
