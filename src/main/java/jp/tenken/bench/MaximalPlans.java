package jp.tenken.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plans of the attack in issue 14 and the largest plans the service accepts. The amplifying
 * shape: many one-year initiatives over a long period, each of which misses every other year of the
 * period (PLAN-SCHEDULE-GAP per initiative and year). The bench sends them to a running service, the
 * tests to an embedded one.
 */
public final class MaximalPlans {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MaximalPlans() {
    }

    /** The 1.3 MB plan that once produced two million findings: 100 years, 20,000 initiatives. */
    public static byte[] amplification() {
        return plan("amplification", 1926, 2025, 20_000);
    }

    /** The largest plan within the documented limits: 20 years, 2,000 one-year initiatives. */
    public static byte[] maximal(String id) {
        return plan(id, 2001, 2020, 2_000);
    }

    public static byte[] plan(String id, int from, int to, int initiatives) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", id);
        plan.put("title", "上限の計画");
        plan.put("organization", "hiratsuka");
        plan.put("revisedOn", to + "-07-01");
        plan.put("period", Map.of("from", from, "to", to));
        plan.put("policies", List.of(Map.of("id", "P1", "name", "方針")));
        List<Map<String, Object>> list = new ArrayList<>();
        for (int no = 1; no <= initiatives; no++) {
            list.add(Map.of("no", no, "policyId", "P1", "title", "取組" + no, "departments", List.of("市民課"),
                    "years", List.of(Map.of("fiscalYear", from + no % (to - from + 1), "plan", List.of("実施")))));
        }
        plan.put("initiatives", list);
        try {
            return JSON.writeValueAsBytes(plan);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
