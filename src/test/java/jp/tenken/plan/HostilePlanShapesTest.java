package jp.tenken.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tenken.TestEngine;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Plan shapes that once made a rule compare every row with every other (a check that took 495 s
 * or 15 s). They are checked here for their exact findings: should a rule go back to pairing rows,
 * this test stops finishing in reasonable time rather than failing on a clock, which unit tests do
 * not assert (the figures are in docs/performance.md).
 *
 * <p>The limits of a document (docs/plan-format.md) now refuse the long schedule and the long goal
 * series at the door, naming the limit; the rules are still checked on them, read without those
 * limits, so that a raised limit can never bring the pairing back unnoticed.
 */
class HostilePlanShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twenty_thousand_initiatives_numbered_one_three_five_give_one_gap_finding_per_missing_number() throws Exception {
        List<Map<String, Object>> initiatives = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            initiatives.add(initiative(2 * i + 1, List.of()));
        }
        List<Finding> gaps = findings(plan(initiatives, List.of()), "PLAN-NUMBER-GAP");
        assertEquals(19_999, gaps.size());
        assertEquals(2, gaps.get(0).target().initiativeNo());
        assertEquals(39_998, gaps.get(gaps.size() - 1).target().initiativeNo());
    }

    @Test
    void three_thousand_schedule_entries_in_one_initiative_are_compared_year_by_year() throws Exception {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) { // fiscal years 1900-2199, ten entries each, always 5 departments
            years.add(Map.of("fiscalYear", 1900 + i / 10, "plan", List.of("監査"), "auditedDepartments", 5));
        }
        List<Finding> level = findings(plan(List.of(initiative(1, years)), List.of()), "PLAN-AUDIT-COUNT-NOT-INCREASING");
        assertEquals(299, level.size()); // every year after the first, once
    }

    @Test
    void three_thousand_actuals_of_one_goal_are_compared_year_by_year() throws Exception {
        List<Map<String, Object>> actuals = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) { // fiscal years 1900-2199, ten entries each, falling every year
            actuals.add(Map.of("fiscalYear", 1900 + i / 10, "value", 10_000 - i / 10));
        }
        Map<String, Object> goal = Map.of("id", "G1", "name", "累計件数", "cumulative", true, "actuals", actuals);
        List<Finding> falling = findings(plan(List.of(initiative(1, List.of())), List.of(goal)), "PLAN-GOAL-ACTUAL-DECREASING");
        assertEquals(299, falling.size());
    }

    @Test
    void the_reader_refuses_those_long_series_naming_the_list_and_its_limit() throws Exception {
        List<Map<String, Object>> years = new ArrayList<>();
        List<Map<String, Object>> actuals = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            years.add(Map.of("fiscalYear", 2000 + i, "plan", List.of("監査")));
            actuals.add(Map.of("fiscalYear", 1900 + i, "value", i));
        }
        for (int i = 21; i < 101; i++) {
            actuals.add(Map.of("fiscalYear", 1900 + i, "value", i));
        }
        Map<String, Object> goal = Map.of("id", "G1", "name", "累計件数", "cumulative", true, "actuals", actuals);
        byte[] body = JSON.writeValueAsBytes(plan(List.of(initiative(1, years)), List.of(goal)));
        DocumentRejectedException refused = assertThrows(DocumentRejectedException.class,
                () -> TestEngine.reader().read(body, DocumentFormat.JSON, PlanDocument.class));
        assertEquals(List.of("goals[0].actuals", "initiatives[0].years"),
                refused.problems().stream().map(Problem::path).toList());
        assertEquals(List.of("100件までです", "20件までです"),
                refused.problems().stream().map(p -> p.message(Language.JA)).toList());
    }

    private static Map<String, Object> initiative(int no, List<Map<String, Object>> years) {
        return Map.of("no", no, "policyId", "P1", "title", "取組" + no, "departments", List.of("市民課"), "years", years);
    }

    private static Map<String, Object> plan(List<Map<String, Object>> initiatives, List<Map<String, Object>> goals) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", "hostile");
        plan.put("title", "hostile");
        plan.put("organization", "hiratsuka");
        plan.put("revisedOn", "2025-07-08");
        plan.put("period", Map.of("from", 2024, "to", 2026));
        plan.put("policies", List.of(Map.of("id", "P1", "name", "方針")));
        plan.put("goals", goals);
        plan.put("initiatives", initiatives);
        return plan;
    }

    private static List<Finding> findings(Map<String, Object> plan, String ruleId) throws Exception {
        // The mapper alone: the shape, without the limits that would refuse these series.
        PlanDocument document = TestEngine.reader().mapper(DocumentFormat.JSON)
                .readValue(JSON.writeValueAsBytes(plan), PlanDocument.class);
        return TestEngine.planChecker().check(document).findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
