package jp.tenken.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a client sends to a POST, the service answers 4xx with a message, stores nothing,
 * never leaks a stack trace or class name, and still answers /health afterwards. Each POST is sent
 * by whoever would send it (plans by a plan editor, inspections by the officer of 市民課, audits and
 * completions by an auditor); plans are read back by the editor.
 */
@MicronautTest
class HostileInputTest {

    static final List<String> POSTS = List.of("/api/v1/plans/check", "/api/v1/plans");

    /** Every endpoint that takes a body: the hostile inputs that are not plan-specific go to all of them. */
    static final List<String> ALL_POSTS = List.of("/api/v1/plans/check", "/api/v1/plans", "/api/v1/inspections",
            "/api/v1/audits", "/api/v1/audits/none/findings/F1/completion");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String editor;
    private String officer;
    private String auditor;

    @BeforeEach
    void createUsers() {
        editor = TestUsers.editor(context);
        officer = TestUsers.officer(context, "officer-shimin", "市民課");
        auditor = TestUsers.auditor(context);
    }

    /** The user who would send a body to this endpoint. */
    private String senderOf(String path) {
        if (path.startsWith("/api/v1/plans")) {
            return editor;
        }
        return path.startsWith("/api/v1/inspections") ? officer : auditor;
    }

    @AfterEach
    void serviceStillAnswers() {
        assertEquals(200, Http.send(client, HttpRequest.GET("/health")).status());
    }

    private Http.Answer post(String path, byte[] body, String contentType) {
        Http.Answer answer = Http.sendAs(client, senderOf(path), HttpRequest.POST(path, body).contentType(contentType));
        assertFalse(answer.body().contains("Exception") || answer.body().contains("java.")
                || answer.body().contains("jp.tenken") || answer.body().contains("\tat "), answer.body());
        return answer;
    }

    private Http.Answer postJson(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
    }

    private String message(Http.Answer answer) throws Exception {
        return json.readTree(answer.body()).get("message").asText();
    }

    @Test
    void brokenJsonIs400WithLineAndColumn() throws Exception {
        for (String path : ALL_POSTS) {
            Http.Answer answer = postJson(path, "{\n  \"id\": \"x\",\n  \"title\": \"t\"\n  \"organization\": 1\n}");
            assertEquals(400, answer.status());
            assertTrue(message(answer).contains("4行目") && message(answer).contains("列目"), message(answer));
        }
    }

    @Test
    void wrongTypesAre400NamingTheField() throws Exception {
        for (String path : POSTS) {
            Http.Answer answer = postJson(path, Fixtures.SMALL_PLAN.replace("\"from\": 2024", "\"from\": \"二〇二四\""));
            assertEquals(400, answer.status());
            assertEquals("period.from", json.readTree(answer.body()).get("violations").get(0).get("path").asText());
        }
    }

    @Test
    void anEmptyBodyIs400() throws Exception {
        for (String path : ALL_POSTS) {
            Http.Answer answer = post(path, new byte[0], MediaType.APPLICATION_JSON);
            assertEquals(400, answer.status());
            assertTrue(message(answer).startsWith("本文が空です"), message(answer));
        }
    }

    @Test
    void xmlIs415() {
        for (String path : ALL_POSTS) {
            assertEquals(415, post(path, "<plan/>".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_XML).status());
        }
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] body = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        for (String path : ALL_POSTS) {
            Http.Answer answer = post(path, body, MediaType.APPLICATION_JSON);
            assertEquals(413, answer.status());
            assertEquals("payload_too_large", json.readTree(answer.body()).get("code").asText());
        }
    }

    @Test
    void aFiveMillionCharacterTitleIsRefusedNamingTheTitle() throws Exception {
        String plan = Fixtures.SMALL_PLAN.replace("\"title\": \"t\"", "\"title\": \"" + "長".repeat(5_000_000 / 3) + "a".repeat(5_000_000 - 5_000_000 / 3) + "\"");
        for (String path : POSTS) {
            Http.Answer answer = postJson(path, plan);
            assertTrue(answer.status() == 400 || answer.status() == 413, "status " + answer.status());
            if (answer.status() == 400) {
                assertEquals("title", json.readTree(answer.body()).get("violations").get(0).get("path").asText());
            }
        }
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/p")).status());
    }

    @Test
    void jsonNested20000LevelsDeepIs400() throws Exception {
        String deep = "{\"id\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        for (String path : ALL_POSTS) {
            Http.Answer answer = postJson(path, deep);
            assertEquals(400, answer.status());
        }
    }

    @Test
    void yamlNestedDeeplyIs400() {
        String deep = "id: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
        for (String path : ALL_POSTS) {
            assertEquals(400, post(path, deep.getBytes(StandardCharsets.UTF_8), "application/x-yaml").status());
        }
    }

    @Test
    void invalidUtf8Is400() {
        byte[] prefix = "{\"id\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = (byte) 0xFF;
        body[prefix.length + 3] = '"';
        for (String path : ALL_POSTS) {
            assertEquals(400, post(path, body, MediaType.APPLICATION_JSON).status());
            assertEquals(400, post(path, body, "application/x-yaml").status());
        }
    }

    @Test
    void htmlInATitleIsStoredAndReturnedAsPlainData() throws Exception {
        String script = "<script>alert('x')</script><b>計画</b>";
        String plan = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"html\"").replace("\"title\": \"t\"",
                "\"title\": \"" + script.replace("'", "\\u0027") + "\"");
        assertEquals(201, postJson("/api/v1/plans", plan).status());
        Http.Answer stored = Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/html"));
        JsonNode document = json.readTree(stored.body()).get("document");
        assertEquals(script, document.get("title").asText());
    }

    @Test
    void unknownUrlsAndMethodsAnswerInTheSameShape() throws Exception {
        Http.Answer missing = Http.sendAs(client, editor, HttpRequest.GET("/api/v1/nothing"));
        assertEquals(404, missing.status());
        assertEquals("not_found", json.readTree(missing.body()).get("code").asText());
        Http.Answer method = Http.sendAs(client, editor, HttpRequest.DELETE("/health"));
        assertEquals(405, method.status());
        assertEquals("method_not_allowed", json.readTree(method.body()).get("code").asText());
    }

    @Test
    void placeholdersInUserTextStayAsTheyAre() throws Exception {
        String plan = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"${id}\"")
                .replace("保育所等におけるICTの活用", "${title}${no}");
        Http.Answer stored = postJson("/api/v1/plans", plan);
        assertEquals(201, stored.status(), stored.body());
        assertEquals("取組No.3「${title}${no}」: 2025年度の計画が記載されていません",
                json.readTree(stored.body()).get("findings").get(0).get("message").asText());
        Http.Answer read = Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/%24%7Bid%7D/findings"));
        assertEquals(200, read.status(), read.body());
        Http.Answer missing = Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/%24%7Bnothing%7D"));
        assertEquals(404, missing.status());
        assertEquals("計画「${nothing}」は登録されていません", message(missing));
    }

    @Test
    void numbersAndYearsThatWouldExhaustMemoryAre400() throws Exception {
        Http.Answer budget = postJson("/api/v1/plans/check",
                Fixtures.SMALL_PLAN.replace("\"no\": 3,", "\"no\": 3, \"budgetThousandYen\": 1e999999999,"));
        assertEquals(400, budget.status());
        assertEquals("initiatives[0].budgetThousandYen", json.readTree(budget.body()).get("violations").get(0).get("path").asText());
        Http.Answer endless = postJson("/api/v1/plans/check", Fixtures.SMALL_PLAN.replace("\"to\": 2026", "\"to\": 2147483647"));
        assertEquals(400, endless.status());
        assertEquals("period.to", json.readTree(endless.body()).get("violations").get(0).get("path").asText());
        Http.Answer long_ = postJson("/api/v1/plans/check", Fixtures.SMALL_PLAN.replace("\"to\": 2026", "\"to\": 2199"));
        assertEquals(400, long_.status());
        assertEquals("period.to", json.readTree(long_.body()).get("violations").get(0).get("path").asText());
    }

    @Test
    void impossibleDatesAre400() throws Exception {
        Http.Answer answer = postJson("/api/v1/plans/check", Fixtures.SMALL_PLAN.replace("2025-07-08", "2025-02-31"));
        assertEquals(400, answer.status());
        assertEquals("revisedOn", json.readTree(answer.body()).get("violations").get(0).get("path").asText());
    }

    @Test
    void aNulCharacterIsRefusedNamingTheField() throws Exception {
        for (String path : POSTS) {
            Http.Answer answer = postJson(path, Fixtures.SMALL_PLAN.replace("\"title\": \"t\"", "\"title\": \"a\\u0000b\""));
            assertEquals(400, answer.status(), answer.body());
            assertEquals("title", json.readTree(answer.body()).get("violations").get(0).get("path").asText());
        }
    }

    @Test
    void halfASurrogatePairIsRefusedAndNothingIsStored() throws Exception {
        String plan = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"sur\"")
                .replace("保育所等におけるICTの活用", "\\ud800");
        for (String path : POSTS) {
            Http.Answer answer = postJson(path, plan);
            assertEquals(400, answer.status(), answer.body());
            assertEquals("initiatives[0].title", json.readTree(answer.body()).get("violations").get(0).get("path").asText());
        }
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/sur")).status());
    }

    @Test
    void datesThatAreNotYyyyMmDdTextAre400() throws Exception {
        for (String date : List.of("20279", "\"2025-07-08T10:00:00\"", "[2025, 7, 8]")) {
            Http.Answer answer = postJson("/api/v1/plans", Fixtures.SMALL_PLAN.replace("\"2025-07-08\"", date));
            assertEquals(400, answer.status(), date);
            assertEquals("revisedOn", json.readTree(answer.body()).get("violations").get(0).get("path").asText());
        }
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/p")).status());
    }

    @Test
    void aValueOfTheWrongKindIs400NamingItAndNothingIsStored() throws Exception {
        String plan = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"strict\"");
        String inspection = "{\"checklistId\": \"municipal-security-self-inspection\", \"organization\": \"hiratsuka\", "
                + "\"department\": \"市民課\", \"fiscalYear\": 2025, \"submittedOn\": \"2025-10-15\", \"answers\": []}";
        String audit = "{\"organization\": \"hiratsuka\", \"department\": \"市民課\", \"fiscalYear\": 2024, "
                + "\"auditedOn\": \"2024-11-20\", \"auditors\": [{\"name\": \"A\", \"department\": \"職員課\"}], "
                + "\"findings\": [{\"id\": \"F1\", \"severity\": \"LOW\"}]}";
        String[][] cases = {
                // endpoint, content type, body, the path the answer names
                {"/api/v1/plans", MediaType.APPLICATION_JSON, plan.replace("\"id\": \"strict\"", "\"id\": 123"), "id"},
                {"/api/v1/plans", "application/x-yaml", plan.replace("\"no\": 3,", "\"no\": 3, \"priority\": yes,"), "initiatives[0].priority"},
                {"/api/v1/plans", "application/x-yaml", plan.replace("\"from\": 2024", "\"from\": 0x7E8"), "period.from"},
                {"/api/v1/plans", MediaType.APPLICATION_JSON, plan.replace("[\"保育課\"]", "[null]"), "initiatives[0].departments[0]"},
                {"/api/v1/plans", MediaType.APPLICATION_JSON, plan.replace("\"strict\"", "\"stri\\u202Ect\""), "id"},
                {"/api/v1/plans", MediaType.APPLICATION_JSON, plan.replace("\"no\": 3,", "\"no\": 3, \"budgetThousandYen\": NaN,"),
                        "initiatives[0].budgetThousandYen"},
                {"/api/v1/inspections", MediaType.APPLICATION_JSON, inspection.replace("2025,", "\"2025\","), "fiscalYear"},
                {"/api/v1/audits", MediaType.APPLICATION_JSON, audit.replace("\"F1\"", "\"F\\u0007\""), "findings[0].id"}};
        for (String[] c : cases) {
            Http.Answer answer = post(c[0], c[2].getBytes(StandardCharsets.UTF_8), c[1]);
            assertEquals(400, answer.status(), c[2] + " " + answer.body());
            JsonNode body = json.readTree(answer.body());
            assertEquals("invalid_document", body.get("code").asText());
            assertEquals(c[3], body.get("violations").get(0).get("path").asText(), c[2]);
            String japanese = body.get("violations").get(0).get("message").asText();
            assertTrue(japanese.matches(".*[\\p{IsHiragana}\\p{IsKatakana}].*"), japanese);
        }
        Http.Answer english = Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans", cases[0][2])
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en"));
        assertEquals("must be a text", json.readTree(english.body()).get("violations").get(0).get("message").asText());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/123")).status());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/strict")).status());
    }

    @Test
    void aKeyGivenTwiceOrAYamlAliasIs400NamingIt() throws Exception {
        Http.Answer twice = postJson("/api/v1/plans", Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"p\", \"id\": \"other\""));
        assertEquals(400, twice.status());
        assertEquals("id", json.readTree(twice.body()).get("violations").get(0).get("path").asText());
        assertEquals("キー「id」が2回書かれています", json.readTree(twice.body()).get("violations").get(0).get("message").asText());
        // A whole plan but for the alias, so that it would be stored if the alias were read as a name.
        String yaml = "id: &x alias\ntitle: *x\norganization: hiratsuka\nrevisedOn: 2025-07-08\n"
                + "period: {from: 2024, to: 2026}\npolicies: [{id: P1, name: n}]\ninitiatives: []\n";
        Http.Answer alias = post("/api/v1/plans", yaml.getBytes(StandardCharsets.UTF_8), "application/x-yaml");
        assertEquals(400, alias.status());
        assertEquals("title", json.readTree(alias.body()).get("violations").get(0).get("path").asText());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/p")).status());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/other")).status());
        assertEquals(404, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans/alias")).status());
    }
}
