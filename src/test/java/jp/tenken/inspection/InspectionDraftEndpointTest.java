package jp.tenken.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
import jp.tenken.api.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET, PUT and DELETE /api/v1/inspections/drafts/{organization}/{department}/{fiscalYear} through
 * HTTP as real users: an officer of 市民課 keeps its department's draft between sessions and
 * touches no other's; an auditor and a plan editor are refused; nothing refused is stored.
 */
@MicronautTest
class InspectionDraftEndpointTest {

    private static final String OFFICER = "draft-officer";
    private static final String CHECKLIST = Submissions.CHECKLIST.id();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    @BeforeEach
    void users() {
        TestUsers.officer(context, OFFICER, "市民課");
        TestUsers.auditor(context);
        TestUsers.editor(context);
    }

    /** The draft's path, percent-encoded as a browser sends it. */
    private static String path(String department, Object fiscalYear) {
        return "/api/v1/inspections/drafts/hiratsuka/" + URLEncoder.encode(department, StandardCharsets.UTF_8)
                + "/" + URLEncoder.encode(String.valueOf(fiscalYear), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> answer(String itemId, String answer, String value, String evidence,
                                              String remediationAction, String remediationDue) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("itemId", itemId);
        a.put("answer", answer);
        a.put("value", value);
        a.put("evidence", evidence);
        a.put("remediationAction", remediationAction);
        a.put("remediationDue", remediationDue);
        return a;
    }

    /** A form left half done: Japanese, a percent that is no number yet, empty boxes. */
    private static Map<String, Object> halfDone() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checklistId", CHECKLIST);
        body.put("answers", List.of(
                answer("ORG-01", "YES", null, "情報セキュリティ基本方針(令和7年4月改定)", "", ""),
                answer("HUM-04", "", "9x", "", "未受講者へ再通知する", "2026-3-31頃"),
                answer("PHY-02", "NO", "", "", "施錠キャビネットを導入", "")));
        return body;
    }

    private Http.Answer put(String user, String department, Object fiscalYear, Object body) throws Exception {
        byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
        return send(user, HttpRequest.PUT(path(department, fiscalYear), bytes).contentType(MediaType.APPLICATION_JSON));
    }

    private Http.Answer get(String user, String department, Object fiscalYear) {
        return send(user, HttpRequest.GET(path(department, fiscalYear)));
    }

    private Http.Answer delete(String user, String department, Object fiscalYear) {
        return send(user, HttpRequest.DELETE(path(department, fiscalYear)));
    }

    private Http.Answer send(String user, MutableHttpRequest<?> request) {
        return Http.send(client, user == null ? request : TestUsers.as(user, request));
    }

    @Test
    void anOfficerSavesItsDepartmentsDraftAndFindsItExactlyAsLeft() throws Exception {
        Http.Answer saved = put(OFFICER, "市民課", 2026, halfDone());
        assertEquals(200, saved.status(), saved.body());
        JsonNode body = json.readTree(saved.body());
        assertEquals(OFFICER, body.get("savedBy").asText());
        OffsetDateTime.parse(body.get("savedAt").asText());
        assertEquals("市民課", body.get("department").asText());
        assertEquals(2026, body.get("fiscalYear").asInt());
        assertEquals(CHECKLIST, body.get("checklistId").asText());
        assertEquals(json.valueToTree(halfDone().get("answers")), body.get("answers"), "as typed, to the empty text");

        Http.Answer read = get(OFFICER, "市民課", 2026);
        assertEquals(200, read.status(), read.body());
        assertEquals(body, json.readTree(read.body()), "the next day, everything as it was left");
        assertEquals("9x", json.readTree(read.body()).get("answers").get(1).get("value").asText());
    }

    @Test
    void savingAgainReplacesTheDraftAndDeleteEndsIt() throws Exception {
        assertEquals(200, put(OFFICER, "市民課", 2027, halfDone()).status());
        Map<String, Object> fewer = Map.of("checklistId", CHECKLIST,
                "answers", List.of(answer("ORG-01", "PARTIAL", null, "改定作業中", null, null)));
        assertEquals(200, put(TestUsers.ADMIN, "市民課", 2027, fewer).status());
        JsonNode read = json.readTree(get(OFFICER, "市民課", 2027).body());
        assertEquals(json.valueToTree(fewer.get("answers")), read.get("answers"));
        assertEquals(TestUsers.ADMIN, read.get("savedBy").asText(), "the department's draft is shared, whoever saved it last");
        assertEquals(204, delete(OFFICER, "市民課", 2027).status());
        assertEquals(404, get(OFFICER, "市民課", 2027).status());
        assertEquals(204, delete(OFFICER, "市民課", 2027).status(), "deleting what is gone changes nothing");
    }

    @Test
    void noDraftIs404InTheErrorShape() throws Exception {
        Http.Answer none = get(OFFICER, "市民課", 2030);
        assertEquals(404, none.status(), none.body());
        assertEquals("市民課の2030年度の自己点検の下書きはありません", json.readTree(none.body()).get("message").asText());
    }

    @Test
    void anOfficerIsRefusedAnotherDepartmentsDraftAndNothingIsStored() throws Exception {
        ActivityLog log = context.getBean(ActivityLog.class);
        int denied = log.list(ActivityQuery.newest().withUser(OFFICER).withAction(ActivityAction.ACCESS_DENIED).withLimit(1000)).size();
        Http.Answer refused = put(OFFICER, "保育課", 2026, halfDone());
        assertEquals(403, refused.status(), refused.body());
        JsonNode body = json.readTree(refused.body());
        assertEquals("forbidden", body.get("code").asText());
        assertTrue(body.get("message").asText().contains("INSPECTION_SUBMIT"), refused.body());
        assertTrue(body.get("message").asText().contains("保育課"), refused.body());
        assertEquals(404, get(TestUsers.ADMIN, "保育課", 2026).status(), "nothing stored");
        assertEquals(403, get(OFFICER, "保育課", 2026).status());
        assertEquals(200, put(TestUsers.ADMIN, "保育課", 2026, halfDone()).status());
        assertEquals(403, delete(OFFICER, "保育課", 2026).status());
        assertEquals(200, get(TestUsers.ADMIN, "保育課", 2026).status(), "not deleted");
        assertEquals(denied + 2, log.list(ActivityQuery.newest().withUser(OFFICER).withAction(ActivityAction.ACCESS_DENIED)
                .withLimit(1000)).size(), "the refused PUT and DELETE are recorded, the refused GET is not");
    }

    @Test
    void anAuditorAndAPlanEditorAreRefusedEvenTheirOwnCitysDrafts() throws Exception {
        assertEquals(200, put(TestUsers.ADMIN, "市民課", 2028, halfDone()).status());
        for (String user : List.of(TestUsers.AUDITOR, TestUsers.EDITOR)) {
            for (Http.Answer answer : List.of(get(user, "市民課", 2028), put(user, "市民課", 2028, halfDone()),
                    delete(user, "市民課", 2028))) {
                assertEquals(403, answer.status(), user + ": " + answer.body());
                assertTrue(json.readTree(answer.body()).get("message").asText().contains("INSPECTION_SUBMIT"));
            }
        }
        assertEquals(TestUsers.ADMIN, json.readTree(get(OFFICER, "市民課", 2028).body()).get("savedBy").asText());
    }

    @Test
    void withoutCredentialsEveryMethodIs401() throws Exception {
        for (Http.Answer answer : List.of(get(null, "市民課", 2026), put(null, "市民課", 2026, halfDone()),
                delete(null, "市民課", 2026))) {
            assertEquals(401, answer.status(), answer.body());
            assertEquals("unauthorized", json.readTree(answer.body()).get("code").asText());
        }
    }

    /** Sends the draft changed by {@code change}; answers the path of the first violation and checks nothing was stored. */
    private String refusedAt(Consumer<Map<String, Object>> change) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(halfDone());
        body.put("answers", new ArrayList<>(((List<?>) body.get("answers")).stream()
                .map(a -> new LinkedHashMap<>((Map<?, ?>) a)).toList()));
        change.accept(body);
        Http.Answer answer = put(OFFICER, "市民課", 2029, body);
        assertEquals(400, answer.status(), answer.body());
        assertEquals(404, get(OFFICER, "市民課", 2029).status(), "nothing stored");
        return json.readTree(answer.body()).get("violations").get(0).get("path").asText();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("answers")).get(0);
    }

    @Test
    void badBodiesAre400NamingTheField() throws Exception {
        assertEquals("checklistId", refusedAt(b -> b.remove("checklistId")));
        assertEquals("answers", refusedAt(b -> b.remove("answers")));
        assertEquals("answers[0].value", refusedAt(b -> first(b).put("value", 92)), "the value is the text typed");
        assertEquals("answers[0].answer", refusedAt(b -> first(b).put("answer", "MAYBE")));
        assertEquals("answers[0].itemId", refusedAt(b -> first(b).put("itemId", "NO-SUCH-ITEM")));
        assertEquals("answers[0].itemId", refusedAt(b -> first(b).remove("itemId")));
        assertEquals("answers[1].itemId", refusedAt(b -> ((List<Map<String, Object>>) b.get("answers")).get(1).put("itemId", "ORG-01")));
        assertEquals("answers[0].evidence", refusedAt(b -> first(b).put("evidence", "あ".repeat(InspectionDraft.TEXT + 1))));
        assertEquals("answers[0].remediationAction", refusedAt(b -> first(b).put("remediationAction", "x".repeat(InspectionDraft.TEXT + 1))));
        assertEquals("answers[0].remediationDue", refusedAt(b -> first(b).put("remediationDue", "9".repeat(InspectionDraft.TYPED + 1))));
        assertEquals("answers[0].evidence", refusedAt(b -> first(b).put("evidence", "記録\u0000")));
        assertEquals("answers", refusedAt(b -> {
            List<Map<String, Object>> many = new ArrayList<>();
            Submissions.CHECKLIST.items().forEach(item -> many.add(answer(item.id(), "", "", "", "", "")));
            many.add(answer("EXTRA-01", "", "", "", "", ""));
            b.put("answers", many);
        }));
    }

    @Test
    void everyItemOfTheChecklistFitsInADraft() throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        Submissions.CHECKLIST.items().forEach(item -> all.add(answer(item.id(), "", "", "ア".repeat(1000), "", "")));
        Http.Answer saved = put(OFFICER, "市民課", 2035, Map.of("checklistId", CHECKLIST, "answers", all));
        assertEquals(200, saved.status(), saved.body());
        assertEquals(Submissions.CHECKLIST.items().size(), json.readTree(get(OFFICER, "市民課", 2035).body()).get("answers").size());
    }

    @Test
    void aBadPathOrChecklistIsAnsweredAsForASubmission() throws Exception {
        Http.Answer year = put(OFFICER, "市民課", "２０２６", halfDone());
        assertEquals(400, year.status(), year.body());
        assertEquals("fiscalYear", json.readTree(year.body()).get("violations").get(0).get("path").asText());
        assertEquals(400, get(OFFICER, "市民課", 1999).status());
        Http.Answer unknown = put(TestUsers.ADMIN, "宇宙開発課", 2026, halfDone());
        assertEquals(422, unknown.status(), unknown.body());
        assertEquals(422, put(TestUsers.ADMIN, "庁内各課", 2026, halfDone()).status(), "a group has no inspection");
        Map<String, Object> body = new LinkedHashMap<>(halfDone());
        body.put("checklistId", "no-such-checklist");
        assertEquals(404, put(OFFICER, "市民課", 2026, body).status());
        assertEquals(400, put(OFFICER, "市民課", 2026, "{\"checklistId\": ").status());
    }

    @Test
    void aSubmissionTakesItsDraftWithItAndADraftCountsNowhere() throws Exception {
        assertEquals(200, put(OFFICER, "市民課", 2024, halfDone()).status());
        JsonNode list = json.readTree(send(OFFICER, HttpRequest.GET(Http.encodeQuery(
                "/api/v1/inspections?organization=hiratsuka&fiscalYear=2024&department=市民課"))).body());
        assertEquals(0, list.size(), "a draft is no submission");
        JsonNode units = json.readTree(send(TestUsers.ADMIN, HttpRequest.GET(
                "/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2024")).body()).get("units");
        JsonNode line = null;
        for (JsonNode unit : units) {
            if (unit.get("department").asText().equals("市民課")) {
                line = unit;
            }
        }
        assertFalse(line.get("selfInspection").get("submitted").asBoolean(), "the compliance list does not count a draft");
        Http.Answer submitted = send(OFFICER, HttpRequest.POST("/api/v1/inspections",
                json.writeValueAsBytes(Submissions.compliant("市民課", 2024))).contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, submitted.status(), submitted.body());
        assertEquals(404, get(OFFICER, "市民課", 2024).status(), "a submitted form leaves no stale draft");
    }
}
