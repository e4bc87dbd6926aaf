package jp.tenken.waiver;

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
import jp.tenken.api.Http;
import jp.tenken.inspection.Submissions;
import jp.tenken.text.JapaneseDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waivers where findings are answered (CONTRACT §12): plan checks and stored plans, inspections
 * submitted and read, audits, coverage, the compliance list and evaluations. In each place a
 * matching waiver marks the finding and takes it out of the summary and the status; an expired or
 * revoked one, or one of another target, changes nothing. Each test works with departments, plans
 * and fiscal years of its own.
 */
@MicronautTest
class WaiverApplicationTest {

    private static final int YEAR = 2023;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    @Inject
    WaiverStore store;

    private String auditor;
    private String editor;
    private final LocalDate today = JapaneseDates.today();

    @BeforeEach
    void users() {
        auditor = TestUsers.auditor(context);
        editor = TestUsers.editor(context);
    }

    private static String q(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Http.Answer send(String user, MutableHttpRequest<?> request) {
        return Http.sendAs(client, user, request);
    }

    private JsonNode ok(String user, MutableHttpRequest<?> request, int status) throws Exception {
        Http.Answer answer = send(user, request);
        assertEquals(status, answer.status(), answer.body());
        return json.readTree(answer.body());
    }

    private MutableHttpRequest<?> post(String uri, Object body) throws Exception {
        byte[] bytes = body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
        return HttpRequest.POST(uri, bytes).contentType(MediaType.APPLICATION_JSON);
    }

    /** A waiver created by the auditor over the API, expiring on the day given; answers its id. */
    private String waive(String ruleId, Map<String, Object> target, LocalDate expiresOn) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", "hiratsuka");
        body.put("ruleId", ruleId);
        body.put("target", target);
        body.put("reason", "適用除外の理由");
        body.put("expiresOn", expiresOn.toString());
        return ok(auditor, post("/api/v1/waivers", body), 201).get("id").asText();
    }

    /** A waiver that expired yesterday: stored directly, as the API refuses such a date. */
    private String expired(String ruleId, Map<String, Object> target) {
        return store.create(new Waiver.New("hiratsuka", ruleId, target, "期限切れ", today.minusDays(1)), auditor).id();
    }

    private void revoke(String id) throws Exception {
        ok(auditor, post("/api/v1/waivers/" + id + "/revocation", Map.of()), 200);
    }

    private static JsonNode finding(JsonNode findings, String ruleId) {
        for (JsonNode f : findings) {
            if (f.get("ruleId").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError("no " + ruleId + " in " + findings);
    }

    // --- inspections and the compliance list ---

    private JsonNode submit(String department) throws Exception {
        return ok(TestUsers.ADMIN, post("/api/v1/inspections", Submissions.nonCompliant(department, YEAR)), 201);
    }

    private static final Map<String, Object> PHY_02 = Map.of("itemId", "PHY-02");

    private static Map<String, Object> phy02Of(String department) {
        return Map.of("department", department, "itemId", "PHY-02");
    }

    @Test
    void anInspectionsWaivedFindingCountsInNoSummaryAndNoStatusUntilRevoked() throws Exception {
        String id = waive("SI-REMEDIATION-MISSING", phy02Of("健康課"), today.plusDays(30));
        JsonNode submitted = submit("健康課");
        JsonNode waived = finding(submitted.get("findings"), "SI-REMEDIATION-MISSING");
        assertEquals(id, waived.get("waiver").get("id").asText());
        assertEquals("適用除外の理由", waived.get("waiver").get("reason").asText());
        assertEquals(today.plusDays(30).toString(), waived.get("waiver").get("expiresOn").asText());
        assertEquals(1, submitted.get("summary").get("waived").asInt());
        assertEquals(0, submitted.get("summary").get("errors").asInt(), submitted.toString());
        assertEquals("COMPLIANT", submitted.get("status").asText());

        String inspection = submitted.get("id").asText();
        JsonNode read = ok(auditor, HttpRequest.GET("/api/v1/inspections/" + inspection), 200);
        assertEquals("COMPLIANT", read.get("status").asText());
        assertEquals(id, finding(read.get("findings"), "SI-REMEDIATION-MISSING").get("waiver").get("id").asText());
        JsonNode list = ok(auditor, HttpRequest.GET("/api/v1/inspections?organization=hiratsuka&fiscalYear=" + YEAR
                + "&department=" + q("健康課")), 200);
        assertEquals("COMPLIANT", list.get(0).get("status").asText());

        JsonNode line = line(YEAR, "健康課", null);
        assertEquals("COMPLIANT", line.get("status").asText());
        assertEquals(0, line.get("selfInspection").get("errors").asInt());
        assertEquals("NON_COMPLIANT", line(YEAR, "健康課", today.plusDays(31)).get("status").asText(),
                "the day after its expiry the waiver no longer holds");

        revoke(id);
        JsonNode after = ok(auditor, HttpRequest.GET("/api/v1/inspections/" + inspection), 200);
        assertEquals("NON_COMPLIANT", after.get("status").asText());
        assertFalse(finding(after.get("findings"), "SI-REMEDIATION-MISSING").has("waiver"));
        assertEquals(0, after.get("summary").get("waived").asInt());
        assertEquals("NON_COMPLIANT", line(YEAR, "健康課", null).get("status").asText(), "revoked: at once");
    }

    @Test
    void anExpiredWaiverOrOneOfAnotherTargetChangesNothing() throws Exception {
        expired("SI-REMEDIATION-MISSING", phy02Of("高齢福祉課"));
        JsonNode expired = submit("高齢福祉課");
        assertEquals("NON_COMPLIANT", expired.get("status").asText());
        assertFalse(finding(expired.get("findings"), "SI-REMEDIATION-MISSING").has("waiver"));

        waive("SI-REMEDIATION-MISSING", phy02Of("環境政策課"), today.plusDays(30));
        waive("SI-EVIDENCE-MISSING", phy02Of("青少年課"), today.plusDays(30));
        JsonNode other = submit("青少年課");
        assertEquals("NON_COMPLIANT", other.get("status").asText(), "another department's waiver, another rule's");
        assertEquals(0, other.get("summary").get("waived").asInt());
        assertEquals("NON_COMPLIANT", line(YEAR, "青少年課", null).get("status").asText());
        assertEquals("NON_COMPLIANT", line(YEAR, "高齢福祉課", null).get("status").asText());
    }

    @Test
    void aWaiverWithoutDepartmentAppliesToEveryDepartmentsFindingOfTheRule() throws Exception {
        String id = waive("SI-REMEDIATION-MISSING", PHY_02, today.plusDays(30));
        try {
            JsonNode submitted = ok(TestUsers.ADMIN, post("/api/v1/inspections", Submissions.nonCompliant("地域包括ケア推進課", YEAR + 1)), 201);
            assertEquals("COMPLIANT", submitted.get("status").asText());
        } finally {
            revoke(id); // the other tests' departments are not waived by it
        }
    }

    private JsonNode line(int year, String department, LocalDate asOf) throws Exception {
        JsonNode units = ok(auditor, HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=" + year
                + (asOf == null ? "" : "&asOf=" + asOf)), 200).get("units");
        for (JsonNode unit : units) {
            if (unit.get("department").asText().equals(department)) {
                return unit;
            }
        }
        throw new AssertionError("no line of " + department);
    }

    @Test
    void aWaivedNotSubmittedLineIsNotNonCompliantForIt() throws Exception {
        int year = YEAR - 1;
        String id = waive("SI-NOT-SUBMITTED", Map.of("department", "環境保全課", "fiscalYear", year), today.plusDays(30));
        JsonNode line = line(year, "環境保全課", null);
        assertEquals("COMPLIANT", line.get("status").asText());
        assertEquals(id, finding(line.get("findings"), "SI-NOT-SUBMITTED").get("waiver").get("id").asText());
        assertEquals("NON_COMPLIANT", line(year, "農水産課", null).get("status").asText(), "another department");
        assertEquals("NON_COMPLIANT", line(year + 2, "環境保全課", null).get("status").asText(), "another fiscal year");

        // A file has no badge: the waived finding says so after its message, with reason and expiry.
        Http.Answer csv = send(auditor, HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=" + year
                + "&format=csv"));
        assertEquals(200, csv.status());
        String waivedLine = csv.body().lines().filter(l -> l.startsWith("環境保全課,")).findFirst().orElseThrow();
        assertTrue(waivedLine.contains("(適用除外: 適用除外の理由、" + JapaneseDates.date(today.plusDays(30)) + "まで)"), waivedLine);
        String otherLine = csv.body().lines().filter(l -> l.startsWith("農水産課,")).findFirst().orElseThrow();
        assertFalse(otherLine.contains("適用除外"), otherLine);
    }

    // --- audits and coverage ---

    private Map<String, Object> audit(String department) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", "hiratsuka");
        body.put("department", department);
        body.put("fiscalYear", YEAR);
        body.put("auditedOn", YEAR + "-11-20");
        body.put("auditors", List.of(Map.of("name", "監査員A", "department", "デジタル推進課")));
        body.put("findings", List.of(Map.of("id", "F1", "itemId", "PHY-02", "severity", "HIGH", "description", "未施錠")));
        return body;
    }

    @Test
    void anAuditsWaivedFindingIsMarkedAndOthersAreNot() throws Exception {
        String id = waive("AUDIT-ACTION-MISSING", phy02Of("交通政策課"), today.plusDays(30));
        JsonNode recorded = ok(auditor, post("/api/v1/audits", audit("交通政策課")), 201);
        assertEquals(id, finding(recorded.get("findings"), "AUDIT-ACTION-MISSING").get("waiver").get("id").asText());
        String auditId = recorded.get("id").asText();
        JsonNode read = ok(auditor, HttpRequest.GET("/api/v1/audits/" + auditId), 200);
        assertEquals(1, read.get("summary").get("waived").asInt());
        assertEquals(0, read.get("summary").get("errors").asInt());
        JsonNode later = ok(auditor, HttpRequest.GET("/api/v1/audits/" + auditId + "?asOf=" + today.plusDays(31)), 200);
        assertFalse(finding(later.get("findings"), "AUDIT-ACTION-MISSING").has("waiver"), "expired as of that date");

        JsonNode other = ok(auditor, post("/api/v1/audits", audit("建築指導課")), 201);
        assertFalse(finding(other.get("findings"), "AUDIT-ACTION-MISSING").has("waiver"));

        revoke(id);
        assertFalse(finding(ok(auditor, HttpRequest.GET("/api/v1/audits/" + auditId), 200).get("findings"), "AUDIT-ACTION-MISSING")
                .has("waiver"));
    }

    @Test
    void aCoverageFindingOfAWaivedDepartmentIsMarked() throws Exception {
        String id = waive("AUDIT-ROTATION-OVERDUE", Map.of("department", "美術館"), today.plusDays(30));
        expired("AUDIT-ROTATION-OVERDUE", Map.of("department", "中央図書館"));
        JsonNode findings = ok(auditor, HttpRequest.GET("/api/v1/audits/coverage?organization=hiratsuka&fiscalYear=" + YEAR), 200)
                .get("findings");
        int marked = 0;
        for (JsonNode f : findings) {
            if (f.get("ruleId").asText().equals("AUDIT-ROTATION-OVERDUE")) {
                String department = f.get("target").get("department").asText();
                assertEquals(department.equals("美術館"), f.has("waiver"), department);
                if (f.has("waiver")) {
                    assertEquals(id, f.get("waiver").get("id").asText());
                    marked++;
                }
            }
        }
        assertEquals(1, marked);

        revoke(id);
        JsonNode after = ok(auditor, HttpRequest.GET("/api/v1/audits/coverage?organization=hiratsuka&fiscalYear=" + YEAR), 200)
                .get("findings");
        for (JsonNode f : after) {
            assertFalse(f.has("waiver"), "revoked: " + f);
        }
    }

    // --- plans and evaluations ---

    private static String plan(String id) {
        return """
                {"id": "%s", "title": "t", "organization": "hiratsuka", "revisedOn": "2025-07-08",
                 "period": {"from": 2024, "to": 2026},
                 "policies": [{"id": "P1", "name": "暮らしのデジタル化"}],
                 "initiatives": [
                   {"no": 3, "policyId": "P1", "title": "保育所等におけるICTの活用", "departments": ["保育課"],
                    "years": [{"fiscalYear": 2024, "plan": ["導入"], "result": "導入しました"},
                              {"fiscalYear": 2026, "plan": ["運用"]}]}]}
                """.formatted(id);
    }

    @Test
    void aPlansWaivedFindingIsMarkedInTheCheckAndTheStoredFindings() throws Exception {
        JsonNode before = ok(editor, post("/api/v1/plans/check", plan("waived-plan")), 200);
        long gaps = before.get("summary").get("warnings").asLong();
        String id = waive("PLAN-SCHEDULE-GAP", Map.of("planId", "waived-plan", "initiativeNo", 3), today.plusDays(30));
        waive("PLAN-SCHEDULE-GAP", Map.of("planId", "another-plan", "initiativeNo", 3), today.plusDays(30));
        expired("PLAN-SCHEDULE-GAP", Map.of("planId", "expired-plan"));

        JsonNode checked = ok(editor, post("/api/v1/plans/check", plan("waived-plan")), 200);
        assertEquals(id, finding(checked.get("findings"), "PLAN-SCHEDULE-GAP").get("waiver").get("id").asText());
        assertEquals(1, checked.get("summary").get("waived").asInt());
        assertEquals(gaps - 1, checked.get("summary").get("warnings").asLong());
        assertFalse(finding(ok(editor, post("/api/v1/plans/check", plan("expired-plan")), 200).get("findings"), "PLAN-SCHEDULE-GAP")
                .has("waiver"));
        assertFalse(finding(ok(editor, post("/api/v1/plans/check", plan("third-plan")), 200).get("findings"), "PLAN-SCHEDULE-GAP")
                .has("waiver"), "a waiver of another plan");

        ok(editor, post("/api/v1/plans", plan("waived-plan")), 201);
        JsonNode stored = ok(auditor, HttpRequest.GET("/api/v1/plans/waived-plan/findings"), 200);
        assertEquals(id, finding(stored.get("findings"), "PLAN-SCHEDULE-GAP").get("waiver").get("id").asText());
        revoke(id);
        assertFalse(finding(ok(auditor, HttpRequest.GET("/api/v1/plans/waived-plan/findings"), 200).get("findings"),
                "PLAN-SCHEDULE-GAP").has("waiver"));
    }

    @Test
    void anEvaluationsWaivedFindingIsMarked() throws Exception {
        ok(editor, post("/api/v1/plans", plan("evaluated-plan")), 201);
        String evaluation = """
                {"id": "waived-evaluation", "organization": "hiratsuka", "fiscalYear": 2024, "planId": "evaluated-plan",
                 "fields": [{"name": "子ども・子育て、教育", "results": ["宇宙港の誘致に向けた調査を行いました。"]}]}
                """;
        JsonNode before = ok(editor, post("/api/v1/evaluations/check", evaluation), 200);
        JsonNode untraced = finding(before.get("findings"), "EVAL-RESULT-UNTRACED");
        assertFalse(untraced.has("waiver"));
        expired("EVAL-RESULT-UNTRACED", Map.of("planId", "evaluated-plan"));
        waive("EVAL-RESULT-UNTRACED", Map.of("planId", "evaluated-plan", "resultIndex", 1), today.plusDays(30));
        waive("EVAL-RESULT-UNTRACED", Map.of("evaluationId", "another-evaluation"), today.plusDays(30));
        JsonNode silent = ok(editor, post("/api/v1/evaluations/check", evaluation), 200);
        assertFalse(finding(silent.get("findings"), "EVAL-RESULT-UNTRACED").has("waiver"),
                "expired, another result, another evaluation: " + silent.get("findings"));
        assertEquals(0, silent.get("summary").get("waived").asInt());
        String id = waive("EVAL-RESULT-UNTRACED", Map.of("planId", "evaluated-plan", "resultIndex", 0), today.plusDays(30));
        JsonNode checked = ok(editor, post("/api/v1/evaluations/check", evaluation), 200);
        assertEquals(id, finding(checked.get("findings"), "EVAL-RESULT-UNTRACED").get("waiver").get("id").asText());
        assertEquals(1, checked.get("summary").get("waived").asInt());
        JsonNode stored = ok(editor, post("/api/v1/evaluations", evaluation), 201);
        assertNotNull(finding(stored.get("findings"), "EVAL-RESULT-UNTRACED").get("waiver"));
        revoke(id);
        JsonNode read = ok(auditor, HttpRequest.GET("/api/v1/evaluations/waived-evaluation"), 200);
        assertNull(finding(read.get("findings"), "EVAL-RESULT-UNTRACED").get("waiver"));
        assertTrue(read.get("summary").get("warnings").asInt() >= 1);
    }
}
