package jp.tenken;

import java.nio.file.Path;

/** Documents shared by tests of several features. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The city's real action plan, transcribed (seed 002). */
    public static final Path DX_PLAN = Path.of("seeds/plans/hiratsuka-dx-action-plan-2024-2026.yaml");

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
