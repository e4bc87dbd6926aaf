package jp.tenken;

import java.nio.file.Path;

/** Documents shared by tests of several features. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The city's evaluation sheet of FY2024, transcribed (seed 001), traced to {@link #DX_PLAN}. */
    public static final Path DX_EVALUATION = Path.of("seeds/evaluations/hiratsuka-dx-evaluation-2024.yaml");

    /** The city's real action plan, transcribed (seed 002). */
    public static final Path DX_PLAN = Path.of("seeds/plans/hiratsuka-dx-action-plan-2024-2026.yaml");

    /**
     * A second version of the city's action plan: initiative 11's garbled department (ナンタル推進率)
     * corrected, which resolves its PLAN-DEPARTMENT-UNKNOWN, and 存在しない課 added to initiative 1's
     * departments (not to its detail sheet's), which adds a PLAN-DEPARTMENT-UNKNOWN on initiative 1.
     */
    public static String dxPlanSecondVersion() {
        String original;
        try {
            original = java.nio.file.Files.readString(DX_PLAN);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String fixed = original
                .replace("      - ナンタル推進率   # extraction garble: stands for デジタル推進課", "      - デジタル推進課")
                .replaceFirst("    departments: \\[デジタル推進課, 市民課, こども家庭課, 保険年金課, 介護保険課]\n    upperPlans",
                        "    departments: [デジタル推進課, 市民課, こども家庭課, 保険年金課, 介護保険課, 存在しない課]\n    upperPlans");
        if (!fixed.contains("- デジタル推進課\n") || !fixed.contains("存在しない課")) {
            throw new IllegalStateException("the seed changed: the lines this second version changes are not there");
        }
        return fixed;
    }

    /** A small valid plan whose only finding is PLAN-SCHEDULE-GAP for FY2025 of initiative 3. */
    public static final String SMALL_PLAN = """
            {"id": "p", "title": "t", "organization": "hiratsuka", "revisedOn": "2025-07-08",
             "period": {"from": 2024, "to": 2026},
             "policies": [{"id": "P1", "name": "暮らしのデジタル化"}],
             "initiatives": [
               {"no": 3, "policyId": "P1", "title": "保育所等におけるICTの活用", "departments": ["保育課"],
                "years": [{"fiscalYear": 2024, "plan": ["導入"], "result": "導入しました"},
                          {"fiscalYear": 2026, "plan": ["運用"]}]}]}
            """;
}
