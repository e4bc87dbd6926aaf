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
    void aDocumentThatIsNotAnObjectIsRefused() {
        assertEquals("document.type.object", refuse("[1, 2]", DocumentFormat.JSON).problems().get(0).key());
    }
}
