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
    void aReversedParentPeriodIsRefusedNamingParentPeriodTo() {
        String plan = Fixtures.SMALL_PLAN.replace("\"period\"", "\"parent\": {\"id\": \"b\", \"period\": {\"from\": 2030, \"to\": 2020}}, \"period\"");
        PlanDocument document = TestEngine.reader().read(plan.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON, PlanDocument.class);
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> TestEngine.planChecker().check(document));
        assertEquals("parent.period.to", e.problems().get(0).path());
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

    @Test
    void aRepostMismatchSaysWhatIsWrongWithTheReference() throws Exception {
        String plan = """
                id: x
                title: t
                organization: hiratsuka
                revisedOn: 2025-07-08
                period: {from: 2025, to: 2025}
                policies: [{id: P1, name: n}]
                initiatives:
                  - { no: 1, policyId: P1, title: 学習環境の提供, departments: [市民課], repostOf: 1 }
                  - { no: 2, policyId: P1, title: 窓口の拡充, departments: [市民課], repostOf: 3 }
                  - { no: 3, policyId: P1, title: 窓口の拡充, departments: [市民課], repostOf: 2 }
                  - { no: 4, policyId: P1, title: 窓口, departments: [市民課], repostOf: 9 }
                """;
        PlanDocument document = TestEngine.reader().read(plan.getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML, PlanDocument.class);
        List<String> messages = TestEngine.planChecker().check(document).findings().stream()
                .map(f -> TestEngine.ruleBase().messages().render(f, jp.tenken.engine.Language.JA)).toList();
        assertEquals(List.of(
                "取組No.1「学習環境の提供」: 再掲元に自分自身の番号(No.1)が指定されています",
                "取組No.2「窓口の拡充」: 再掲元のNo.3も再掲の行です。元の取組の番号を指定してください",
                "取組No.3「窓口の拡充」: 再掲元のNo.2も再掲の行です。元の取組の番号を指定してください",
                "取組No.4「窓口」: 再掲元のNo.9がありません"), messages);
    }
}
