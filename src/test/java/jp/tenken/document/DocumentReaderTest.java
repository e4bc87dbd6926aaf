package jp.tenken.document;

import jp.tenken.TestEngine;
import jp.tenken.engine.Language;
import jp.tenken.plan.PlanDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Everything wrong with a document ends as a refusal naming the field, in either notation. */
class DocumentReaderTest {

    static final String VALID = """
            {"id": "p", "title": "t", "organization": "hiratsuka", "revisedOn": "2025-07-08",
             "period": {"from": 2024, "to": 2026}, "policies": [{"id": "P1", "name": "n"}],
             "initiatives": [{"no": 1, "title": "a"}, {"no": 2, "title": "b"}, {"no": 3, "title": "c"}], "unknownField": 1}
            """;

    private static DocumentRejectedException refuse(String text, DocumentFormat format) {
        return assertThrows(DocumentRejectedException.class,
                () -> TestEngine.reader().read(text.getBytes(StandardCharsets.UTF_8), format, PlanDocument.class));
    }

    private static List<String> paths(DocumentRejectedException e) {
        return e.problems().stream().map(Problem::path).toList();
    }

    @Test
    void unknownPropertiesAreIgnored() {
        PlanDocument plan = TestEngine.reader().read(VALID.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON, PlanDocument.class);
        assertEquals(3, plan.initiatives().size());
    }

    @Test
    void constraintViolationsNameTheFieldAsTheContractDoes() {
        DocumentRejectedException e = refuse(VALID.replace("{\"no\": 3, \"title\": \"c\"}", "{\"no\": 0, \"title\": \" \"}"), DocumentFormat.JSON);
        assertEquals(List.of("initiatives[2].no", "initiatives[2].title"), paths(e));
        assertEquals("正の整数で指定してください", e.problems().get(0).message(Language.JA));
        assertEquals("must be a positive integer", e.problems().get(0).message(Language.EN));
    }

    @Test
    void everyMissingRequiredFieldIsNamedOnce() {
        DocumentRejectedException e = refuse("{\"initiatives\": [null]}", DocumentFormat.JSON);
        assertEquals(List.of("id", "initiatives[0]", "organization", "period", "policies", "revisedOn", "title"), paths(e));
    }

    @Test
    void yamlErrorsNameLineAndColumn() {
        DocumentRejectedException e = refuse("id: p\ntitle: 'unclosed\n", DocumentFormat.YAML);
        assertTrue(e.problems().get(0).message(Language.JA).contains("行目"), e.problems().toString());
    }

    @Test
    void aYamlTypeErrorNamesTheField() {
        DocumentRejectedException e = refuse("id: p\nperiod: {from: x, to: 2026}\n", DocumentFormat.YAML);
        assertEquals(List.of("period.from"), paths(e));
    }

    @Test
    void anEnumOutsideItsValuesListsTheAllowedOnes() {
        DocumentRejectedException e = refuse(VALID.replace("{\"no\": 1, \"title\": \"a\"}", "{\"no\": 1, \"title\": \"a\", \"status\": \"FINISHED\"}"), DocumentFormat.JSON);
        assertEquals(List.of("initiatives[0].status"), paths(e));
        assertTrue(e.problems().get(0).message(Language.EN).contains("NOT_STARTED, IN_PROGRESS, DONE"));
    }

    @Test
    void aFractionalNumberIsNotAnInteger() {
        assertEquals(List.of("initiatives[0].no"), paths(refuse(VALID.replace("\"no\": 1", "\"no\": 1.5"), DocumentFormat.JSON)));
    }

    @Test
    void aGoalValueMustBeANumberOrAText() {
        String plan = VALID.replace("\"initiatives\"", "\"goals\": [{\"id\": \"G1\", \"name\": \"g\", \"target\": {\"fiscalYear\": 2023, \"value\": [1]}}], \"initiatives\"");
        assertEquals(List.of("goals[0].target.value"), paths(refuse(plan, DocumentFormat.JSON)));
    }

    @Test
    void emptyAndBlankBodiesAreRefused() {
        assertEquals("document.empty", refuse("", DocumentFormat.JSON).problems().get(0).key());
        assertEquals("document.empty", refuse("  \n", DocumentFormat.YAML).problems().get(0).key());
        assertEquals("document.empty", refuse("null", DocumentFormat.JSON).problems().get(0).key());
    }

    @Test
    void aSecondDocumentAfterTheFirstIsRefused() {
        assertEquals("document.trailing", refuse(VALID + " {}", DocumentFormat.JSON).problems().get(0).key());
        assertEquals("document.trailing", refuse("id: p\n---\nid: q\n", DocumentFormat.YAML).problems().get(0).key());
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRefused() {
        assertEquals("document.type.object", refuse("[1, 2]", DocumentFormat.JSON).problems().get(0).key());
    }

    @Test
    void textWithHalfASurrogatePairIsRefusedWhereItStands() {
        DocumentRejectedException e = refuse(VALID.replace("\"title\": \"t\"", "\"title\": \"a\\ud800b\""), DocumentFormat.JSON);
        assertEquals(List.of("title"), paths(e));
        assertEquals("document.surrogate", e.problems().get(0).key());
        String goal = VALID.replace("\"initiatives\"", "\"goals\": [{\"id\": \"G1\", \"name\": \"g\", \"target\": {\"fiscalYear\": 2023, \"value\": \"\\udc00\"}}], \"initiatives\"");
        assertEquals(List.of("goals[0].target.value"), paths(refuse(goal, DocumentFormat.JSON)));
        // A whole pair is a character like any other.
        PlanDocument plan = TestEngine.reader().read(VALID.replace("\"title\": \"t\"", "\"title\": \"\\ud842\\udfb7野家\"")
                .getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON, PlanDocument.class);
        assertEquals("\uD842\uDFB7野家", plan.title());
    }

    @Test
    void aDateIsOnlyATextYyyyMmDd() {
        for (String date : List.of("20279", "[2025, 7, 8]", "\"2025-07-08T10:00:00\"", "\"2025-07-08T23:59:59Z\"", "\" 2025-07-08 \"",
                "\"-2025-07-08\"", "\"2025-7-8\"", "\"2025-02-30\"", "true")) {
            DocumentRejectedException e = refuse(VALID.replace("\"2025-07-08\"", date), DocumentFormat.JSON);
            assertEquals(List.of("revisedOn"), paths(e), date);
            assertEquals("document.type.date", e.problems().get(0).key(), date);
        }
        assertEquals(List.of("revisedOn"), paths(refuse("id: p\nrevisedOn: 2025-07-08T10:00:00\n", DocumentFormat.YAML)));
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithItsPath() {
        DocumentRejectedException e = refuse(VALID.replace("\"unknownField\": 1", "\"id\": \"other\""), DocumentFormat.JSON);
        assertEquals(List.of("id"), paths(e));
        assertEquals("document.duplicate", e.problems().get(0).key());
        assertEquals("キー「id」が2回書かれています", e.problems().get(0).message(Language.JA));
        DocumentRejectedException yaml = refuse("id: p\npolicies:\n  - {id: P1, name: n}\n  - {id: P2, id: P5, name: n}\n", DocumentFormat.YAML);
        assertEquals(List.of("policies[1].id"), paths(yaml), yaml.problems().toString());
    }

    @Test
    void yamlAliasesAreRefusedRatherThanReadAsTheirName() {
        String yaml = """
                id: p
                title: &t 本当のタイトル
                organization: hiratsuka
                revisedOn: 2025-07-08
                period: {from: 2024, to: 2026}
                policies: [{id: P1, name: n}]
                initiatives:
                  - {no: 1, title: *t}
                """;
        DocumentRejectedException e = refuse(yaml, DocumentFormat.YAML);
        assertEquals(List.of("initiatives[0].title"), paths(e), e.problems().toString());
        assertEquals("document.yaml-alias", e.problems().get(0).key());
        assertTrue(e.problems().get(0).message(Language.JA).contains("*t"), e.problems().get(0).message(Language.JA));
        // A star inside text is no alias.
        PlanDocument plan = TestEngine.reader().read(yaml.replace("*t", "'*注 参照'").getBytes(StandardCharsets.UTF_8),
                DocumentFormat.YAML, PlanDocument.class);
        assertEquals("*注 参照", plan.initiatives().get(0).title());
    }

    @Test
    void aNumberBeyondTheRangeOfItsFieldNamesTheField() {
        DocumentRejectedException e = refuse(VALID.replace("\"no\": 1", "\"no\": 2147483648"), DocumentFormat.JSON);
        assertEquals(List.of("initiatives[0].no"), paths(e));
        assertEquals("document.range", e.problems().get(0).key());
    }

    @Test
    void goalValuesStayExactAndHugeOrEndlessOnesAreRefused() {
        String goal = VALID.replace("\"initiatives\"", "\"goals\": [{\"id\": \"G1\", \"name\": \"g\", \"target\": {\"fiscalYear\": 2023, \"value\": VALUE}}], \"initiatives\"");
        PlanDocument plan = TestEngine.reader().read(goal.replace("VALUE", "1.00000000000000000001").getBytes(StandardCharsets.UTF_8),
                DocumentFormat.JSON, PlanDocument.class);
        assertEquals(new java.math.BigDecimal("1.00000000000000000001"), plan.goals().get(0).target().number());
        for (String huge : List.of("1e400", "1e-400")) {
            DocumentRejectedException e = refuse(goal.replace("VALUE", huge), DocumentFormat.JSON);
            assertEquals(List.of("goals[0].target.value"), paths(e), huge);
            assertEquals("document.goal-value.digits", e.problems().get(0).key(), huge);
        }
        String yaml = "id: p\ngoals:\n  - {id: G1, name: g, target: {fiscalYear: 2023, value: VALUE}}\n";
        for (String endless : List.of(".inf", "-.inf", ".nan")) {
            DocumentRejectedException e = refuse(yaml.replace("VALUE", endless), DocumentFormat.YAML);
            assertEquals(List.of("goals[0].target.value"), paths(e), endless);
            assertEquals("document.type.number", e.problems().get(0).key(), endless);
        }
    }

    @Test
    void japaneseMessagesCarryNoParserEnglish() {
        List<String> bodies = List.of(
                VALID.replace("\"no\": 1", "\"no\": 2147483648"),
                VALID.replace("\"no\": 1,", "\"no\": 1, \"budgetThousandYen\": NaN,"),
                VALID.replace("\"no\": 1", "\"no\": }"),
                VALID.replace("\"initiatives\"", "\"goals\": [{\"id\": \"G1\", \"name\": \"g\", \"target\": {\"fiscalYear\": 2023, \"value\": {\"a\": 1}}}], \"initiatives\""),
                VALID.replace("\"unknownField\": 1", "\"unknownField\": " + "[".repeat(250) + "]".repeat(250)));
        for (String body : bodies) {
            DocumentRejectedException e = refuse(body, DocumentFormat.JSON);
            String ja = e.problems().get(0).message(Language.JA);
            assertTrue(!ja.matches(".*[A-Za-z]{4,}.*"), ja);
        }
        DocumentRejectedException goal = refuse(bodies.get(3), DocumentFormat.JSON);
        assertEquals(List.of("goals[0].target.value"), paths(goal));
        assertEquals("document.type.goal-value", goal.problems().get(0).key());
    }
}
