package jp.tenken.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic plans of any size for the benchmarks: departments from the registry, three fiscal
 * years with plan items and last year's results, a detail sheet per initiative, goals, a security
 * programme; about one initiative in a hundred carries a real inconsistency, so rules do fire.
 */
final class PlanGenerator {

    private static final String[] ITEMS = {"検討", "導入", "運用", "利用促進", "効果検証", "拡充", "見直し"};

    private PlanGenerator() {
    }

    static Map<String, Object> plan(int initiatives, List<String> departments, long seed) {
        Random random = new Random(seed);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", "bench-" + initiatives);
        plan.put("title", "ベンチマーク用アクションプラン(" + initiatives + "取組)");
        plan.put("organization", "hiratsuka");
        plan.put("revisedOn", "2025-07-08");
        plan.put("period", Map.of("from", 2024, "to", 2026));
        plan.put("parent", Map.of("id", "basic-policy", "period", Map.of("from", 2024, "to", 2027)));
        plan.put("policies", List.of(
                Map.of("id", "P1", "name", "暮らしのデジタル化"),
                Map.of("id", "P2", "name", "行政のデジタル化"),
                Map.of("id", "P3", "name", "情報セキュリティの確保", "security", true)));
        plan.put("goals", List.of(
                goal("G1", "新しい技術の実証事業件数【累計】", 3, 5, List.of(4, 5)),
                goal("G2", "オンライン相談の活用件数【累計】", 10, 160, List.of(60, 55))));
        List<Map<String, Object>> list = new ArrayList<>();
        for (int no = 1; no <= initiatives; no++) {
            list.add(initiative(no, departments, random));
        }
        plan.put("initiatives", list);
        return plan;
    }

    private static Map<String, Object> goal(String id, String name, int baseline, int target, List<Integer> actuals) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < actuals.size(); i++) {
            points.add(Map.of("fiscalYear", 2021 + i, "value", actuals.get(i)));
        }
        return Map.of("id", id, "name", name, "unit", "件", "cumulative", true,
                "baseline", Map.of("fiscalYear", 2020, "value", baseline),
                "target", Map.of("fiscalYear", 2023, "value", target), "actuals", points);
    }

    private static Map<String, Object> initiative(int no, List<String> departments, Random random) {
        boolean security = no % 40 == 8;
        String policy = security ? "P3" : (no % 2 == 0 ? "P1" : "P2");
        String title = "デジタル技術を活用した業務改善の取組" + no;
        List<String> owners = new ArrayList<>();
        owners.add(departments.get(random.nextInt(departments.size())));
        if (random.nextInt(3) == 0) {
            owners.add(departments.get(random.nextInt(departments.size())));
        }
        boolean flawed = random.nextInt(100) == 0;
        Map<String, Object> initiative = new LinkedHashMap<>();
        initiative.put("no", no);
        initiative.put("policyId", policy);
        initiative.put("title", title);
        initiative.put("priority", no <= 8);
        initiative.put("kind", no % 3 == 0 ? "NEW" : "CONTINUING");
        initiative.put("departments", owners);
        initiative.put("upperPlans", List.of("自治体DX推進計画"));
        initiative.put("purpose", "市民サービスの向上と業務の効率化を図るため、" + title + "を進めます。");
        initiative.put("budgetThousandYen", 1000 + random.nextInt(50000));
        List<Map<String, Object>> years = new ArrayList<>();
        for (int year = 2024; year <= 2026; year++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("fiscalYear", year);
            entry.put("plan", security ? List.of("研修の実施", "自己点検の実施", "セキュリティ監査の実施")
                    : List.of(ITEMS[(no + year) % ITEMS.length], ITEMS[(no + year + 1) % ITEMS.length]));
            if (year == 2024 && !(flawed && no % 2 == 0)) {
                entry.put("result", "計画どおり実施しました。");
            }
            if (security) {
                entry.put("auditedDepartments", 20 + (year - 2024) * 4);
            }
            years.add(entry);
        }
        initiative.put("years", years);
        initiative.put("sheet", Map.of("policyId", policy,
                "title", flawed ? title + "(改)" : title, "departments", owners));
        return initiative;
    }
}
