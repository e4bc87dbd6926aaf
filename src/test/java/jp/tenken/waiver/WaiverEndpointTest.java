package jp.tenken.waiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
import jp.tenken.api.Http;
import jp.tenken.text.JapaneseDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST/GET /api/v1/waivers and the revocation (CONTRACT §12): created and revoked by auditors and
 * admins, each in the activity log; every bad field a 400 naming it, and nothing stored from a
 * refused request.
 */
@MicronautTest
class WaiverEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    @Inject
    ActivityLog activity;

    private String auditor;

    @BeforeEach
    void users() {
        auditor = TestUsers.auditor(context);
    }

    private static Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", "hiratsuka");
        body.put("ruleId", "SI-REMEDIATION-MISSING");
        body.put("target", Map.of("department", "市民課", "itemId", "PHY-02"));
        body.put("reason", "システム更新(来年度)までの暫定措置");
        body.put("expiresOn", JapaneseDates.today().plusMonths(6).toString());
        return body;
    }

    private Http.Answer post(String user, String uri, Object body) throws Exception {
        return Http.sendAs(client, user, HttpRequest.POST(uri, json.writeValueAsBytes(body)).contentType(MediaType.APPLICATION_JSON));
    }

    private int count() throws Exception {
        return json.readTree(Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/waivers?organization=hiratsuka")).body()).size();
    }

    @Test
    void anAuditorCreatesListsAndRevokesAWaiverEachInTheActivityLog() throws Exception {
        Http.Answer created = post(auditor, "/api/v1/waivers", body());
        assertEquals(201, created.status(), created.body());
        JsonNode waiver = json.readTree(created.body());
        String id = waiver.get("id").asText();
        assertEquals(auditor, waiver.get("createdBy").asText());
        assertEquals("SI-REMEDIATION-MISSING", waiver.get("ruleId").asText());
        assertEquals("PHY-02", waiver.get("target").get("itemId").asText());
        assertEquals(body().get("expiresOn"), waiver.get("expiresOn").asText());
        assertTrue(waiver.get("createdAt").asText().length() > 10);

        JsonNode list = json.readTree(Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/waivers?organization=hiratsuka")).body());
        assertTrue(list.findValuesAsText("id").contains(id));

        List<ActivityEntry> entries = activity.list(ActivityQuery.newest().withUser(auditor).withAction(ActivityAction.WAIVER_CREATED));
        assertTrue(entries.stream().anyMatch(e -> id.equals(e.target().get("waiverId"))), "WAIVER_CREATED names the waiver");

        Http.Answer revoked = post(TestUsers.ADMIN, "/api/v1/waivers/" + id + "/revocation", Map.of());
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals(TestUsers.ADMIN, json.readTree(revoked.body()).get("revokedBy").asText());
        assertTrue(activity.list(ActivityQuery.newest().withUser(TestUsers.ADMIN).withAction(ActivityAction.WAIVER_REVOKED))
                .stream().anyMatch(e -> id.equals(e.target().get("waiverId"))));

        assertEquals(404, post(auditor, "/api/v1/waivers/no-such-waiver/revocation", Map.of()).status());
    }

    @Test
    void anOfficerAndAnEditorAreRefused403AndNothingIsStored() throws Exception {
        String officer = TestUsers.officer(context, "waiver-officer", "市民課");
        String editor = TestUsers.editor(context);
        int before = count();
        for (String user : List.of(officer, editor)) {
            Http.Answer refused = post(user, "/api/v1/waivers", body());
            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.body().contains("WAIVER_WRITE"), refused.body());
        }
        assertEquals(before, count());
        assertTrue(activity.list(ActivityQuery.newest().withUser(officer).withAction(ActivityAction.ACCESS_DENIED)).size() >= 1,
                "a refused write is in the activity log");
        String id = json.readTree(post(auditor, "/api/v1/waivers", body()).body()).get("id").asText();
        assertEquals(403, post(officer, "/api/v1/waivers/" + id + "/revocation", Map.of()).status());
        assertEquals(403, Http.sendAs(client, officer, HttpRequest.GET("/api/v1/waivers?organization=hiratsuka")).status());
    }

    /** Sends the body with one field changed (null: removed) and expects a 400 naming {@code path}. */
    private void refused(String field, Object value, String path) throws Exception {
        int before = count();
        Map<String, Object> body = body();
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        Http.Answer answer = post(auditor, "/api/v1/waivers", body);
        assertEquals(400, answer.status(), field + " " + value + ": " + answer.body());
        JsonNode violations = json.readTree(answer.body()).get("violations");
        assertEquals(List.of(path), violations.findValuesAsText("path"), answer.body());
        assertTrue(json.readTree(answer.body()).get("message").asText().length() > 0);
        assertEquals(before, count(), "nothing stored from a refused request");
    }

    @Test
    void everyBadFieldIs400NamingIt() throws Exception {
        LocalDate today = JapaneseDates.today();
        refused("reason", null, "reason");
        refused("reason", "  ", "reason");
        refused("expiresOn", null, "expiresOn");
        refused("expiresOn", "2025-13-40", "expiresOn");
        refused("expiresOn", today.minusDays(1).toString(), "expiresOn");
        refused("expiresOn", today.plusYears(3).plusDays(1).toString(), "expiresOn");
        refused("ruleId", "SI-NO-SUCH-RULE", "ruleId");
        refused("ruleId", null, "ruleId");
        refused("target", Map.of("department", "市民課", "initiativeNo", 3), "target.initiativeNo");
        refused("target", Map.of(), "target");
        refused("organization", null, "organization");
    }

    @Test
    void theLastDayAllowedAndTodayAreAccepted() throws Exception {
        LocalDate today = JapaneseDates.today();
        Map<String, Object> body = body();
        body.put("expiresOn", today.plusYears(3).toString());
        assertEquals(201, post(auditor, "/api/v1/waivers", body).status());
        body.put("expiresOn", today.toString());
        assertEquals(201, post(auditor, "/api/v1/waivers", body).status());
    }

    @Test
    void theRecordsKeysAreAcceptedForEachFamily() throws Exception {
        Map<String, Object> body = body();
        body.put("ruleId", "PLAN-SCHEDULE-GAP");
        body.put("target", Map.of("planId", "p", "initiativeNo", 3, "fiscalYear", 2025));
        assertEquals(201, post(auditor, "/api/v1/waivers", body).status());
        body.put("target", Map.of("department", "市民課"));
        assertEquals(400, post(auditor, "/api/v1/waivers", body).status(), "no finding of a plan rule has department");
    }

    @Test
    void anotherOrganizationsWaiverIsRefused() throws Exception {
        Map<String, Object> body = body();
        body.put("organization", "other-town");
        assertEquals(403, post(auditor, "/api/v1/waivers", body).status());
    }
}
