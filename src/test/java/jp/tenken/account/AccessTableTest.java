package jp.tenken.account;

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
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
import jp.tenken.api.Http;
import jp.tenken.inspection.Submissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks the permission table of CONTRACT §7 over HTTP: every endpoint, as every role (and as the
 * same roles of another organization), allowed with its real answer or refused with 403 in the
 * error shape naming the permission. Without credentials every endpoint answers 401.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTableTest {

    /** The users of the walk: one per role in Hiratsuka, and an auditor and an editor of another town. */
    enum As {
        ADMIN, PLAN_EDITOR, SECURITY_OFFICER, AUDITOR, OTHER_TOWN_EDITOR, OTHER_TOWN_AUDITOR;

        String username() {
            return switch (this) {
                case ADMIN -> TestUsers.ADMIN;
                case PLAN_EDITOR -> "walk-editor";
                case SECURITY_OFFICER -> "walk-officer";
                case AUDITOR -> "walk-auditor";
                case OTHER_TOWN_EDITOR -> "other-editor";
                case OTHER_TOWN_AUDITOR -> "other-auditor";
            };
        }
    }

    /** One endpoint, the request to send (built fresh per send) and who may. */
    record Endpoint(String name, Action permission, Supplier<MutableHttpRequest<?>> request, int allowedStatus,
                    Set<As> allowed) {
    }

    private static final String OFFICER_DEPARTMENT = "市民課";

    /** An evaluation of the small plan "p" (stored first), itself stored as "e". */
    private static final String EVALUATION = """
            {"id": "e", "organization": "hiratsuka", "fiscalYear": 2024, "planId": "p",
             "fields": [{"name": "子ども・子育て、教育", "results": ["保育所のICT活用を進めました。"]}]}
            """;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String inspectionId;
    private String auditId;
    private String waiverId;

    @BeforeAll
    void usersAndRecords() throws Exception {
        TestUsers.ensure(context, As.PLAN_EDITOR.username(), Set.of(Role.PLAN_EDITOR), "hiratsuka", Set.of());
        TestUsers.ensure(context, As.SECURITY_OFFICER.username(), Set.of(Role.SECURITY_OFFICER), "hiratsuka",
                Set.of(OFFICER_DEPARTMENT));
        TestUsers.ensure(context, As.AUDITOR.username(), Set.of(Role.AUDITOR), "hiratsuka", Set.of());
        TestUsers.ensure(context, As.OTHER_TOWN_EDITOR.username(), Set.of(Role.PLAN_EDITOR), "other-town", Set.of());
        TestUsers.ensure(context, As.OTHER_TOWN_AUDITOR.username(), Set.of(Role.AUDITOR), "other-town", Set.of());
        assertEquals(201, send(As.ADMIN, json(HttpRequest.POST("/api/v1/plans", Fixtures.SMALL_PLAN))).status());
        Http.Answer evaluation = send(As.ADMIN, json(HttpRequest.POST("/api/v1/evaluations", EVALUATION)));
        assertEquals(201, evaluation.status(), evaluation.body());
        Http.Answer inspection = send(As.ADMIN, json(HttpRequest.POST("/api/v1/inspections",
                json.writeValueAsString(Submissions.compliant(OFFICER_DEPARTMENT, 2024)))));
        assertEquals(201, inspection.status(), inspection.body());
        inspectionId = json.readTree(inspection.body()).get("id").asText();
        Http.Answer draft = send(As.ADMIN, json(HttpRequest.PUT(draftPath(2026), json.writeValueAsString(draft()))));
        assertEquals(200, draft.status(), draft.body());
        Http.Answer audit = send(As.ADMIN, json(HttpRequest.POST("/api/v1/audits", json.writeValueAsString(audit()))));
        assertEquals(201, audit.status(), audit.body());
        auditId = json.readTree(audit.body()).get("id").asText();
        Http.Answer waiver = send(As.ADMIN, json(HttpRequest.POST("/api/v1/waivers", write(waiver()))));
        assertEquals(201, waiver.status(), waiver.body());
        waiverId = json.readTree(waiver.body()).get("id").asText();
    }

    /** A waiver of a finding that no other row's answer depends on. */
    private static Map<String, Object> waiver() {
        return Map.of("organization", "hiratsuka", "ruleId", "SI-EVIDENCE-MISSING",
                "target", Map.of("department", "博物館", "itemId", "ORG-01"), "reason", "表の巡回",
                "expiresOn", jp.tenken.text.JapaneseDates.today().plusDays(10).toString());
    }

    private static Map<String, Object> audit() {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action", "是正する");
        action.put("dueDate", "2025-03-31");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", "hiratsuka");
        body.put("department", OFFICER_DEPARTMENT);
        body.put("fiscalYear", 2024);
        body.put("auditedOn", "2024-11-20");
        body.put("auditors", List.of(Map.of("name", "監査員A", "department", "環境政策課")));
        body.put("findings", List.of(Map.of("id", "F1", "itemId", "PHY-02", "severity", "HIGH",
                "description", "未施錠", "correctiveAction", action)));
        return body;
    }

    /** The officer's department's draft of a year, the department percent-encoded. */
    private static String draftPath(int fiscalYear) {
        return "/api/v1/inspections/drafts/hiratsuka/"
                + java.net.URLEncoder.encode(OFFICER_DEPARTMENT, java.nio.charset.StandardCharsets.UTF_8) + "/" + fiscalYear;
    }

    private static Map<String, Object> draft() {
        return Map.of("checklistId", Submissions.CHECKLIST.id(), "answers", List.of(Map.of("itemId", "ORG-01", "answer", "YES",
                "evidence", "基本方針")));
    }

    private List<Endpoint> table() {
        Set<As> everyone = Set.of(As.ADMIN, As.PLAN_EDITOR, As.SECURITY_OFFICER, As.AUDITOR, As.OTHER_TOWN_EDITOR,
                As.OTHER_TOWN_AUDITOR);
        Set<As> editors = Set.of(As.ADMIN, As.PLAN_EDITOR);
        Set<As> planReaders = Set.of(As.ADMIN, As.PLAN_EDITOR, As.AUDITOR);
        Set<As> officerAndUp = Set.of(As.ADMIN, As.SECURITY_OFFICER, As.AUDITOR);
        Set<As> auditors = Set.of(As.ADMIN, As.AUDITOR);
        Set<As> submitters = Set.of(As.ADMIN, As.SECURITY_OFFICER);
        List<Endpoint> table = new ArrayList<>();
        table.add(new Endpoint("POST /plans/check", Action.PLAN_CHECK_STORE,
                () -> json(HttpRequest.POST("/api/v1/plans/check", Fixtures.SMALL_PLAN)), 200, editors));
        table.add(new Endpoint("POST /plans", Action.PLAN_CHECK_STORE,
                () -> json(HttpRequest.POST("/api/v1/plans", Fixtures.SMALL_PLAN)), 201, editors));
        table.add(new Endpoint("GET /plans", Action.PLAN_READ, () -> HttpRequest.GET("/api/v1/plans"), 200,
                Set.of(As.ADMIN, As.PLAN_EDITOR, As.AUDITOR, As.OTHER_TOWN_EDITOR, As.OTHER_TOWN_AUDITOR)));
        table.add(new Endpoint("GET /plans/{id}", Action.PLAN_READ, () -> HttpRequest.GET("/api/v1/plans/p"), 200, planReaders));
        table.add(new Endpoint("GET /plans/{id}?format=xlsx", Action.PLAN_READ, () -> HttpRequest.GET("/api/v1/plans/p?format=xlsx"),
                200, planReaders));
        table.add(new Endpoint("GET /plans/{id}/versions/1?format=xlsx", Action.PLAN_READ,
                () -> HttpRequest.GET("/api/v1/plans/p/versions/1?format=xlsx"), 200, planReaders));
        table.add(new Endpoint("GET /templates/plan.xlsx", Action.CATALOGUE_READ, () -> HttpRequest.GET("/api/v1/templates/plan.xlsx"),
                200, everyone));
        table.add(new Endpoint("GET /plans/{id}/versions/1", Action.PLAN_READ,
                () -> HttpRequest.GET("/api/v1/plans/p/versions/1"), 200, planReaders));
        table.add(new Endpoint("GET /plans/{id}/versions", Action.PLAN_READ,
                () -> HttpRequest.GET("/api/v1/plans/p/versions"), 200, planReaders));
        table.add(new Endpoint("GET /plans/{id}/versions/1/findings", Action.PLAN_READ,
                () -> HttpRequest.GET("/api/v1/plans/p/versions/1/findings"), 200, planReaders));
        table.add(new Endpoint("GET /plans/{id}/compare?from=1&to=1", Action.PLAN_READ,
                () -> HttpRequest.GET("/api/v1/plans/p/compare?from=1&to=1"), 200, planReaders));
        table.add(new Endpoint("GET /plans/{id}/findings", Action.PLAN_READ,
                () -> HttpRequest.GET("/api/v1/plans/p/findings"), 200, planReaders));
        table.add(new Endpoint("POST /evaluations/check", Action.EVALUATION_WRITE,
                () -> json(HttpRequest.POST("/api/v1/evaluations/check", EVALUATION)), 200, editors));
        table.add(new Endpoint("POST /evaluations", Action.EVALUATION_WRITE,
                () -> json(HttpRequest.POST("/api/v1/evaluations", EVALUATION)), 201, editors));
        table.add(new Endpoint("GET /evaluations", Action.EVALUATION_READ, () -> HttpRequest.GET("/api/v1/evaluations"), 200,
                Set.of(As.ADMIN, As.PLAN_EDITOR, As.AUDITOR, As.OTHER_TOWN_EDITOR, As.OTHER_TOWN_AUDITOR)));
        table.add(new Endpoint("GET /evaluations/{id}", Action.EVALUATION_READ,
                () -> HttpRequest.GET("/api/v1/evaluations/e"), 200, planReaders));
        table.add(new Endpoint("GET /evaluations/{id}/versions/1", Action.EVALUATION_READ,
                () -> HttpRequest.GET("/api/v1/evaluations/e/versions/1"), 200, planReaders));
        table.add(new Endpoint("POST /inspections", Action.INSPECTION_SUBMIT,
                () -> json(HttpRequest.POST("/api/v1/inspections", write(Submissions.compliant(OFFICER_DEPARTMENT, 2025)))),
                201, submitters));
        table.add(new Endpoint("GET /inspections", Action.INSPECTION_READ,
                () -> HttpRequest.GET("/api/v1/inspections?organization=hiratsuka"), 200, officerAndUp));
        table.add(new Endpoint("GET /inspections/{id}", Action.INSPECTION_READ,
                () -> HttpRequest.GET("/api/v1/inspections/" + inspectionId), 200, officerAndUp));
        table.add(new Endpoint("PUT /inspections/drafts/{org}/{department}/{year}", Action.INSPECTION_SUBMIT,
                () -> json(HttpRequest.PUT(draftPath(2026), write(draft()))), 200, submitters));
        table.add(new Endpoint("GET /inspections/drafts/{org}/{department}/{year}", Action.INSPECTION_SUBMIT,
                () -> HttpRequest.GET(draftPath(2026)), 200, submitters));
        // Another year's draft, so that deleting it leaves the one the GET reads.
        table.add(new Endpoint("DELETE /inspections/drafts/{org}/{department}/{year}", Action.INSPECTION_SUBMIT,
                () -> HttpRequest.DELETE(draftPath(2027)), 204, submitters));
        table.add(new Endpoint("GET /templates/inspection.xlsx", Action.INSPECTION_SUBMIT,
                () -> HttpRequest.GET("/api/v1/templates/inspection.xlsx?organization=hiratsuka&fiscalYear=2025&department="
                        + java.net.URLEncoder.encode(OFFICER_DEPARTMENT, java.nio.charset.StandardCharsets.UTF_8)), 200, submitters));
        table.add(new Endpoint("POST /audits", Action.AUDIT_WRITE,
                () -> json(HttpRequest.POST("/api/v1/audits", write(audit()))), 201, auditors));
        table.add(new Endpoint("POST /audits/{id}/findings/{f}/completion", Action.AUDIT_WRITE,
                () -> json(HttpRequest.POST("/api/v1/audits/" + auditId + "/findings/F1/completion",
                        "{\"completedOn\": \"2025-03-10\"}")), 200, auditors));
        table.add(new Endpoint("GET /audits", Action.AUDIT_READ,
                () -> HttpRequest.GET("/api/v1/audits?organization=hiratsuka"), 200, officerAndUp));
        table.add(new Endpoint("GET /audits/{id}", Action.AUDIT_READ,
                () -> HttpRequest.GET("/api/v1/audits/" + auditId), 200, officerAndUp));
        table.add(new Endpoint("GET /audits/coverage", Action.COMPLIANCE_READ,
                () -> HttpRequest.GET("/api/v1/audits/coverage?organization=hiratsuka&fiscalYear=2024"), 200, officerAndUp));
        table.add(new Endpoint("GET /compliance/units", Action.COMPLIANCE_READ,
                () -> HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2024"), 200, officerAndUp));
        table.add(new Endpoint("POST /waivers", Action.WAIVER_WRITE,
                () -> json(HttpRequest.POST("/api/v1/waivers", write(waiver()))), 201, auditors));
        table.add(new Endpoint("GET /waivers", Action.WAIVER_WRITE,
                () -> HttpRequest.GET("/api/v1/waivers?organization=hiratsuka"), 200, auditors));
        // Revoking again answers the waiver as it stands: the row can be walked by every role.
        table.add(new Endpoint("POST /waivers/{id}/revocation", Action.WAIVER_WRITE,
                () -> json(HttpRequest.POST("/api/v1/waivers/" + waiverId + "/revocation", "{}")), 200, auditors));
        table.add(new Endpoint("GET /reminders", Action.REMINDERS_READ,
                () -> HttpRequest.GET("/api/v1/reminders?organization=hiratsuka"), 200, officerAndUp));
        table.add(new Endpoint("GET /reminders?department=own", Action.REMINDERS_READ,
                () -> HttpRequest.GET("/api/v1/reminders?organization=hiratsuka&department="
                        + java.net.URLEncoder.encode(OFFICER_DEPARTMENT, java.nio.charset.StandardCharsets.UTF_8)), 200, officerAndUp));
        // The officer's reach stops at its own departments: another one is refused.
        table.add(new Endpoint("GET /reminders?department=other", Action.REMINDERS_READ,
                () -> HttpRequest.GET("/api/v1/reminders?organization=hiratsuka&department="
                        + java.net.URLEncoder.encode("保育課", java.nio.charset.StandardCharsets.UTF_8)), 200, auditors));
        table.add(new Endpoint("GET /reminders.ics", Action.REMINDERS_READ,
                () -> HttpRequest.GET("/api/v1/reminders.ics?organization=hiratsuka"), 200, officerAndUp));
        table.add(new Endpoint("GET /reminders.ics?department=other", Action.REMINDERS_READ,
                () -> HttpRequest.GET("/api/v1/reminders.ics?organization=hiratsuka&department="
                        + java.net.URLEncoder.encode("保育課", java.nio.charset.StandardCharsets.UTF_8)), 200, auditors));
        table.add(new Endpoint("GET /rules", Action.CATALOGUE_READ, () -> HttpRequest.GET("/api/v1/rules"), 200, everyone));
        table.add(new Endpoint("GET /checklists", Action.CATALOGUE_READ, () -> HttpRequest.GET("/api/v1/checklists"), 200, everyone));
        table.add(new Endpoint("GET /checklists/{id}", Action.CATALOGUE_READ,
                () -> HttpRequest.GET("/api/v1/checklists/municipal-security-self-inspection"), 200, everyone));
        table.add(new Endpoint("GET /organizations/{org}/departments", Action.CATALOGUE_READ,
                () -> HttpRequest.GET("/api/v1/organizations/hiratsuka/departments"), 200,
                Set.of(As.ADMIN, As.PLAN_EDITOR, As.SECURITY_OFFICER, As.AUDITOR)));
        Set<As> admins = Set.of(As.ADMIN);
        table.add(new Endpoint("POST /users", Action.ADMINISTER,
                () -> json(HttpRequest.POST("/api/v1/users", write(newUser()))), 201, admins));
        table.add(new Endpoint("GET /users", Action.ADMINISTER, () -> HttpRequest.GET("/api/v1/users"), 200, admins));
        table.add(new Endpoint("GET /users/{username}", Action.ADMINISTER,
                () -> HttpRequest.GET("/api/v1/users/" + As.AUDITOR.username()), 200, admins));
        table.add(new Endpoint("PUT /users/{username}", Action.ADMINISTER,
                () -> json(HttpRequest.PUT("/api/v1/users/" + As.AUDITOR.username(), write(Map.of(
                        "username", As.AUDITOR.username(), "displayName", "監査 花子", "email", "auditor@example.jp",
                        "roles", List.of("AUDITOR"), "organization", "hiratsuka", "departments", List.of())))),
                200, admins));
        table.add(new Endpoint("POST /rules/reload", Action.ADMINISTER,
                () -> HttpRequest.POST("/api/v1/rules/reload", ""), 200, admins));
        table.add(new Endpoint("GET /me", Action.CATALOGUE_READ, () -> HttpRequest.GET("/api/v1/me"), 200, everyone));
        table.add(new Endpoint("GET /activity?organization=hiratsuka", Action.ACTIVITY_READ,
                () -> HttpRequest.GET("/api/v1/activity?organization=hiratsuka"), 200, auditors));
        return table;
    }

    private int users;

    private Map<String, Object> newUser() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", "walk-new-" + (++users));
        user.put("displayName", "新規 利用者");
        user.put("email", "new@example.jp");
        user.put("password", "a-long-enough-password");
        user.put("roles", List.of("PLAN_EDITOR"));
        user.put("organization", "hiratsuka");
        user.put("departments", List.of());
        return user;
    }

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryEndpoint() {
        return table().stream().flatMap(endpoint -> Stream.of(As.values()).map(as ->
                DynamicTest.dynamicTest(endpoint.name() + " as " + as, () -> {
                    Http.Answer answer = send(as, endpoint.request().get());
                    if (endpoint.allowed().contains(as)) {
                        assertEquals(endpoint.allowedStatus(), answer.status(), answer.body());
                    } else {
                        assertEquals(403, answer.status(), answer.body());
                        JsonNode body = json.readTree(answer.body());
                        assertEquals("forbidden", body.get("code").asText());
                        assertTrue(body.get("message").asText().contains(endpoint.permission().name()), answer.body());
                    }
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointWithoutCredentialsIs401WithTheBasicChallenge() {
        return table().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.name(), () -> {
            Http.Answer answer = Http.send(client, endpoint.request().get());
            assertEquals(401, answer.status(), answer.body());
            assertEquals("unauthorized", json.readTree(answer.body()).get("code").asText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> aRefusedWriteIsInTheActivityLogAndARefusedReadIsNot() {
        ActivityLog log = context.getBean(ActivityLog.class);
        return Stream.of(
                DynamicTest.dynamicTest("refused write", () -> {
                    int before = denied(log, As.SECURITY_OFFICER);
                    assertEquals(403, send(As.SECURITY_OFFICER, json(HttpRequest.POST("/api/v1/plans", Fixtures.SMALL_PLAN))).status());
                    assertEquals(before + 1, denied(log, As.SECURITY_OFFICER));
                }),
                DynamicTest.dynamicTest("refused read", () -> {
                    int before = denied(log, As.PLAN_EDITOR);
                    assertEquals(403, send(As.PLAN_EDITOR, HttpRequest.GET("/api/v1/inspections/" + inspectionId)).status());
                    assertEquals(before, denied(log, As.PLAN_EDITOR));
                }));
    }

    /** A refusal names the roles as people call them, in the reader's language, not by their ids. */
    @Test
    void aRefusalNamesTheUsersRolesInWords() throws Exception {
        Http.Answer ja = send(As.SECURITY_OFFICER, json(HttpRequest.POST("/api/v1/plans", Fixtures.SMALL_PLAN)));
        assertEquals(403, ja.status(), ja.body());
        String message = json.readTree(ja.body()).get("message").asText();
        assertTrue(message.contains("の役割(情報セキュリティ担当者)にはこの権限がありません"), message);
        assertFalse(message.contains("SECURITY_OFFICER"), message);
        Http.Answer en = send(As.SECURITY_OFFICER, json(HttpRequest.POST("/api/v1/plans", Fixtures.SMALL_PLAN)).header("Accept-Language", "en"));
        assertEquals(403, en.status(), en.body());
        assertTrue(json.readTree(en.body()).get("message").asText().contains("(security officer) grants it"), en.body());
    }

    private int denied(ActivityLog log, As as) {
        return log.list(ActivityQuery.newest().withUser(as.username()).withAction(ActivityAction.ACCESS_DENIED).withLimit(1000)).size();
    }

    private Http.Answer send(As as, MutableHttpRequest<?> request) {
        return Http.send(client, TestUsers.as(as.username(), request));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MutableHttpRequest<?> json(MutableHttpRequest<?> request) {
        return request.contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
