package jp.tenken.document;

import jp.tenken.TestEngine;
import jp.tenken.audit.AuditRecord;
import jp.tenken.engine.Language;
import jp.tenken.inspection.InspectionSubmission;
import jp.tenken.plan.PlanDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What is stored is what was written: a value of the wrong kind is refused naming its field, in
 * plans, self-inspections and audits alike, and never turned into another value on the way.
 */
class StrictReadingTest {

    static final String PLAN = """
            {"id": "p", "title": "t", "organization": "hiratsuka", "revisedOn": "2025-07-08",
             "period": {"from": 2024, "to": 2026}, "parent": {"id": "basic"},
             "policies": [{"id": "P1", "name": "n"}],
             "goals": [{"id": "G1", "name": "g", "target": {"fiscalYear": 2026, "value": 5}}],
             "initiatives": [{"no": 1, "policyId": "P1", "title": "a", "priority": false, "departments": ["市民課"],
                              "upperPlans": ["u"], "years": [{"fiscalYear": 2024, "plan": ["導入"]}],
                              "sheet": {"policyId": "P1", "title": "a", "departments": ["市民課"]}}]}
            """;

    static final String PLAN_YAML = """
            id: p
            title: t
            organization: hiratsuka
            revisedOn: 2025-07-08
            period: {from: 2024, to: 2026}
            policies: [{id: P1, name: n, security: false}]
            goals: [{id: G1, name: g, target: {fiscalYear: 2026, value: 5}}]
            initiatives: [{no: 1, title: a, priority: false, budgetThousandYen: 10}]
            """;

    static final String INSPECTION = """
            {"checklistId": "municipal-security-self-inspection", "organization": "hiratsuka", "department": "市民課",
             "fiscalYear": 2025, "submittedOn": "2025-10-15",
             "answers": [{"itemId": "HUM-04", "value": 92}, {"itemId": "PHY-02", "answer": "NO"}]}
            """;

    static final String AUDIT = """
            {"organization": "hiratsuka", "department": "市民課", "fiscalYear": 2024, "auditedOn": "2024-11-20",
             "auditors": [{"name": "監査員A", "department": "デジタル推進課"}],
             "findings": [{"id": "F1", "itemId": "PHY-02", "severity": "HIGH", "description": "未施錠"}]}
            """;

    private static <T> T read(String text, DocumentFormat format, Class<T> type) {
        return TestEngine.reader().read(text.getBytes(StandardCharsets.UTF_8), format, type);
    }

    /** The one problem of a refused document. */
    private static Problem refusal(String text, DocumentFormat format, Class<?> type) {
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> read(text, format, type), text);
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    private static void refused(String text, DocumentFormat format, Class<?> type, String path, String key) {
        Problem problem = refusal(text, format, type);
        assertEquals(path, problem.path(), text);
        assertEquals(key, problem.key(), text);
    }

    private static void refusedJson(String text, Class<?> type, String path, String key) {
        refused(text, DocumentFormat.JSON, type, path, key);
    }

    @Test
    void theDocumentsHereAreValid() {
        read(PLAN, DocumentFormat.JSON, PlanDocument.class);
        read(PLAN_YAML, DocumentFormat.YAML, PlanDocument.class);
        read(INSPECTION, DocumentFormat.JSON, InspectionSubmission.class);
        read(AUDIT, DocumentFormat.JSON, AuditRecord.class);
    }

    @Test
    void aNumberOrABooleanIsNotAText() {
        refusedJson(PLAN.replace("\"id\": \"p\"", "\"id\": 123"), PlanDocument.class, "id", "document.type.text");
        refusedJson(PLAN.replace("\"title\": \"t\"", "\"title\": true"), PlanDocument.class, "title", "document.type.text");
        refusedJson(PLAN.replace("{\"id\": \"P1\"", "{\"id\": 1"), PlanDocument.class, "policies[0].id", "document.type.text");
        refusedJson(PLAN.replace("\"upperPlans\": [\"u\"]", "\"upperPlans\": [2.5]"), PlanDocument.class,
                "initiatives[0].upperPlans[0]", "document.type.text");
        refusedJson(INSPECTION.replace("\"市民課\"", "123"), InspectionSubmission.class, "department", "document.type.text");
        refusedJson(AUDIT.replace("\"F1\"", "1"), AuditRecord.class, "findings[0].id", "document.type.text");
        refused(PLAN_YAML.replace("id: p", "id: 123"), DocumentFormat.YAML, PlanDocument.class, "id", "document.type.text");
        Problem problem = refusal(PLAN.replace("\"id\": \"p\"", "\"id\": 123"), DocumentFormat.JSON, PlanDocument.class);
        assertEquals("文字列で指定してください", problem.message(Language.JA));
        assertEquals("must be a text", problem.message(Language.EN));
    }

    @Test
    void aTextIsNotANumberOrABoolean() {
        refusedJson(PLAN.replace("\"from\": 2024", "\"from\": \"2024\""), PlanDocument.class, "period.from", "document.type.integer");
        refusedJson(PLAN.replace("\"no\": 1", "\"no\": \"1\""), PlanDocument.class, "initiatives[0].no", "document.type.integer");
        refusedJson(PLAN.replace("\"priority\": false", "\"priority\": \"true\""), PlanDocument.class,
                "initiatives[0].priority", "document.type.boolean");
        refusedJson(PLAN.replace("\"priority\": false", "\"budgetThousandYen\": \"100\""), PlanDocument.class,
                "initiatives[0].budgetThousandYen", "document.type.number");
        refusedJson(INSPECTION.replace("\"fiscalYear\": 2025", "\"fiscalYear\": \"2025\""), InspectionSubmission.class,
                "fiscalYear", "document.type.integer");
        refusedJson(INSPECTION.replace("\"value\": 92", "\"value\": \"92\""), InspectionSubmission.class,
                "answers[0].value", "document.type.number");
        refusedJson(AUDIT.replace("\"fiscalYear\": 2024", "\"fiscalYear\": \"2024\""), AuditRecord.class,
                "fiscalYear", "document.type.integer");
        refusedJson(AUDIT.replace("\"fiscalYear\": 2024", "\"fiscalYear\": \"\""), AuditRecord.class,
                "fiscalYear", "document.type.integer");
    }

    @Test
    void yamlNumbersAreReadOnlyAsJsonWritesThem() {
        // YAML 1.1 reads all of these as 2024 (hexadecimal, digit groups, octal, base 60, a sign).
        for (String year : List.of("0x7E8", "2_024", "0o3750", "03750", "33:44", "+2024")) {
            refused(PLAN_YAML.replace("from: 2024", "from: " + year), DocumentFormat.YAML, PlanDocument.class,
                    "period.from", "document.type.integer");
            refused("fiscalYear: " + year + "\n" + INSPECTION_YAML_REST, DocumentFormat.YAML, InspectionSubmission.class,
                    "fiscalYear", "document.type.integer");
        }
        refused(PLAN_YAML.replace("budgetThousandYen: 10", "budgetThousandYen: 1_000.5"), DocumentFormat.YAML, PlanDocument.class,
                "initiatives[0].budgetThousandYen", "document.type.number");
        // Where a text belongs, such a value is the text as written (as YAML 1.2 reads it).
        PlanDocument plan = read(PLAN_YAML.replace("title: t", "title: 0x7E8").replace("value: 5", "value: 2_024"),
                DocumentFormat.YAML, PlanDocument.class);
        assertEquals("0x7E8", plan.title());
        assertEquals("2_024", plan.goals().get(0).target().value().text());
        // Numbers as JSON writes them are numbers as before.
        PlanDocument decimal = read(PLAN_YAML.replace("value: 5", "value: -1.5e2"), DocumentFormat.YAML, PlanDocument.class);
        assertEquals(new java.math.BigDecimal("-1.5e2"), decimal.goals().get(0).target().number());
    }

    /** A self-inspection in YAML but for its fiscal year. */
    static final String INSPECTION_YAML_REST = """
            checklistId: municipal-security-self-inspection
            organization: hiratsuka
            department: 市民課
            submittedOn: 2025-10-15
            answers: [{itemId: HUM-04, value: 92}]
            """;

    @Test
    void yamlBooleansAreOnlyTrueAndFalse() {
        for (String word : List.of("yes", "on", "y", "Yes", "ON", "1")) {
            refused(PLAN_YAML.replace("priority: false", "priority: " + word), DocumentFormat.YAML, PlanDocument.class,
                    "initiatives[0].priority", "document.type.boolean");
        }
        refused(PLAN_YAML.replace("security: false", "security: on"), DocumentFormat.YAML, PlanDocument.class,
                "policies[0].security", "document.type.boolean");
        refusedJson(PLAN.replace("\"priority\": false", "\"priority\": 1"), PlanDocument.class,
                "initiatives[0].priority", "document.type.boolean");
        // A word YAML 1.1 would read as a boolean is the text written where a text belongs.
        PlanDocument plan = read(PLAN_YAML.replace("name: n", "name: no").replace("title: a", "title: off"),
                DocumentFormat.YAML, PlanDocument.class);
        assertEquals("no", plan.policies().get(0).name());
        assertEquals("off", plan.initiatives().get(0).title());
        assertEquals(true, read(PLAN_YAML.replace("priority: false", "priority: true"), DocumentFormat.YAML, PlanDocument.class)
                .initiatives().get(0).priority());
    }

    @Test
    void anEnumIsNotANumber() {
        refusedJson(PLAN.replace("\"priority\": false", "\"kind\": 0"), PlanDocument.class, "initiatives[0].kind", "document.enum");
        refusedJson(AUDIT.replace("\"HIGH\"", "0"), AuditRecord.class, "findings[0].severity", "document.enum");
        refusedJson(INSPECTION.replace("\"NO\"", "2"), InspectionSubmission.class, "answers[1].answer", "document.enum");
    }

    @Test
    void aNullInAListOfTextsIsRefusedNamingTheEntry() {
        refusedJson(PLAN.replace("\"departments\": [\"市民課\"],", "\"departments\": [null],"),
                PlanDocument.class, "initiatives[0].departments[0]", "jakarta.validation.constraints.NotNull.message");
        refusedJson(PLAN.replace("[\"u\"]", "[\"u\", null]"), PlanDocument.class,
                "initiatives[0].upperPlans[1]", "jakarta.validation.constraints.NotNull.message");
        refusedJson(PLAN.replace("[\"導入\"]", "[null]"), PlanDocument.class,
                "initiatives[0].years[0].plan[0]", "jakarta.validation.constraints.NotNull.message");
        refusedJson(PLAN.replace("\"departments\": [\"市民課\"]}", "\"departments\": [null]}"),
                PlanDocument.class, "initiatives[0].sheet.departments[0]", "jakarta.validation.constraints.NotNull.message");
        refusedJson(PLAN.replace("\"departments\": [\"市民課\"]}", "\"departments\": [\"市民課\"], \"upperPlans\": [\"u\", null]}"),
                PlanDocument.class, "initiatives[0].sheet.upperPlans[1]", "jakarta.validation.constraints.NotNull.message");
        refusedJson(PLAN.replace("\"departments\": [\"市民課\"]}", "\"departments\": [\"市民課\"], \"upperPlans\": [3]}"),
                PlanDocument.class, "initiatives[0].sheet.upperPlans[0]", "document.type.text");
    }

    @Test
    void idsAreRefusedWithControlFormatOrSpaceCharacters() {
        // A bell, a right-to-left override, an isolate, a zero-width space, a space, a no-break space, a byte-order mark.
        for (String bad : List.of("\\u0007", "\\u202E", "\\u2066", "\\u200B", " ", "\\u00A0", "\\uFEFF")) {
            String id = "x" + bad + "y";
            refusedId(PLAN.replace("\"id\": \"p\"", "\"id\": \"" + id + "\""), PlanDocument.class, "id");
            refusedId(PLAN.replace("{\"id\": \"basic\"}", "{\"id\": \"" + id + "\"}"), PlanDocument.class, "parent.id");
            refusedId(PLAN.replace("{\"id\": \"P1\"", "{\"id\": \"" + id + "\""), PlanDocument.class, "policies[0].id");
            refusedId(PLAN.replace("{\"id\": \"G1\"", "{\"id\": \"" + id + "\""), PlanDocument.class, "goals[0].id");
            refusedId(PLAN.replace("\"no\": 1, \"policyId\": \"P1\"", "\"no\": 1, \"policyId\": \"" + id + "\""),
                    PlanDocument.class, "initiatives[0].policyId");
            refusedId(PLAN.replace("\"sheet\": {\"policyId\": \"P1\"", "\"sheet\": {\"policyId\": \"" + id + "\""),
                    PlanDocument.class, "initiatives[0].sheet.policyId");
            refusedId(PLAN.replace("\"hiratsuka\"", "\"" + id + "\""), PlanDocument.class, "organization");
            refusedId(INSPECTION.replace("\"municipal-security-self-inspection\"", "\"" + id + "\""), InspectionSubmission.class, "checklistId");
            refusedId(INSPECTION.replace("\"hiratsuka\"", "\"" + id + "\""), InspectionSubmission.class, "organization");
            refusedId(INSPECTION.replace("\"HUM-04\"", "\"" + id + "\""), InspectionSubmission.class, "answers[0].itemId");
            refusedId(AUDIT.replace("\"hiratsuka\"", "\"" + id + "\""), AuditRecord.class, "organization");
            refusedId(AUDIT.replace("\"F1\"", "\"" + id + "\""), AuditRecord.class, "findings[0].id");
            refusedId(AUDIT.replace("\"PHY-02\"", "\"" + id + "\""), AuditRecord.class, "findings[0].itemId");
        }
        refusedId(PLAN.replace("{\"id\": \"G1\"", "{\"id\": \"" + "x".repeat(201) + "\""), PlanDocument.class, "goals[0].id");
        // Letters of any script, digits, punctuation and symbols are ids.
        PlanDocument plan = read(PLAN.replace("\"id\": \"p\"", "\"id\": \"平塚市DX計画_2024-2026(改訂)${v}\""),
                DocumentFormat.JSON, PlanDocument.class);
        assertEquals("平塚市DX計画_2024-2026(改訂)${v}", plan.id());
    }

    @Test
    void aPlanIdHoldsNoCharacterThatWouldEndItsUrlSegment() {
        for (String bad : List.of("a/b", "a?b", "a#b", "a%2Fb", "a\\\\b")) {
            refusedJson(PLAN.replace("\"id\": \"p\"", "\"id\": \"" + bad + "\""), PlanDocument.class, "id", "plan.id.url");
        }
    }

    /** An id refused naming its field, by the id rule or, for controls in any text, by the text rule. */
    private static void refusedId(String text, Class<?> type, String path) {
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> read(text, DocumentFormat.JSON, type), text);
        assertEquals(List.of(path), e.problems().stream().map(Problem::path).distinct().toList(), text);
        assertEquals(true, List.of("document.id", "document.control", "document.bidi").contains(e.problems().get(0).key()),
                e.problems().toString());
    }

    @Test
    void controlAndBidiOverrideCharactersAreRefusedInAnyText() {
        refusedJson(PLAN.replace("\"title\": \"t\"", "\"title\": \"abc\\u202Egpj.exe\""), PlanDocument.class, "title", "document.bidi");
        refusedJson(PLAN.replace("\"name\": \"n\"", "\"name\": \"n\\u2067\""), PlanDocument.class, "policies[0].name", "document.bidi");
        refusedJson(PLAN.replace("\"title\": \"t\"", "\"title\": \"a\\u001bb\""), PlanDocument.class, "title", "document.control");
        refusedJson(PLAN.replace("\"title\": \"t\"", "\"title\": \"a\\u0085b\""), PlanDocument.class, "title", "document.control");
        refusedJson(AUDIT.replace("\"未施錠\"", "\"未\\u202D施錠\""), AuditRecord.class, "findings[0].description", "document.bidi");
        refusedJson(INSPECTION.replace("\"市民課\"", "\"市民課\\u0008\""), InspectionSubmission.class, "department", "document.control");
        assertEquals("双方向テキストの制御文字(U+202A〜U+202E、U+2066〜U+2069)を含む文字列は受け付けません",
                refusal(PLAN.replace("\"title\": \"t\"", "\"title\": \"a\\u202Eb\""), DocumentFormat.JSON, PlanDocument.class)
                        .message(Language.JA));
        // Tabs and line breaks belong in free text; a zero-width joiner in an emoji too.
        PlanDocument plan = read(PLAN.replace("\"title\": \"t\"", "\"title\": \"a\\tb\\r\\nc \uD83D\uDC68\u200D\uD83D\uDCBB\""),
                DocumentFormat.JSON, PlanDocument.class);
        assertEquals("a\tb\r\nc \uD83D\uDC68\u200D\uD83D\uDCBB", plan.title());
    }

    @Test
    void notANumberNamesItsOwnPath() {
        for (String endless : List.of("NaN", "Infinity", "-Infinity")) {
            refusedJson(PLAN.replace("\"priority\": false", "\"budgetThousandYen\": " + endless), PlanDocument.class,
                    "initiatives[0].budgetThousandYen", "document.type.number");
            refusedJson(INSPECTION.replace("\"value\": 92", "\"value\": " + endless), InspectionSubmission.class,
                    "answers[0].value", "document.type.number");
        }
    }
}
