package jp.tenken.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import jp.tenken.inspection.Submissions;
import jp.tenken.organization.Department;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four fiscal years of audits told through the service on a real database: one corrective action
 * left overdue, one completed, one overdue on a lesser finding; the coverage report and the
 * compliance list of FY2025 (as of 2025-06-01) must say exactly who stands where. Another
 * organization's audits of the same departments and years sit in the same tables and must not
 * change a line of it. The auditor records the audits and completions and reads the reports; the
 * departments' security officer submits their self-inspections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditStoryContract {

    static final String AS_OF = "2025-06-01";

    private TestDatabase database;
    private EmbeddedServer server;
    private HttpClient client;
    private final ObjectMapper json = new ObjectMapper();
    private List<String> units;
    private String auditor;
    private String officer;
    private String generalAffairsOfficer;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void tellTheStory() throws Exception {
        database = openDatabase();
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        units = server.getApplicationContext().getBean(OrganizationRegistry.class).directory("hiratsuka").orElseThrow()
                .units().stream().map(Department::name).toList();
        ApplicationContext context = server.getApplicationContext();
        auditor = TestUsers.auditor(context);
        officer = TestUsers.officer(context, "officer-story", "市民課", "介護保険課", "商業観光課");
        generalAffairsOfficer = TestUsers.officer(context, "officer-gyosei", "行政総務課");

        audit("保育課", 2022, List.of());
        audit("市民課", 2023, List.of());
        audit("デジタル推進課", 2023, List.of());
        audit("市民課", 2024, List.of(finding("F1", "PHY-02", "HIGH", "2025-03-31")));
        String care = audit("介護保険課", 2024, List.of(finding("F1", "HUM-04", "HIGH", "2025-03-31")));
        audit("商業観光課", 2024, List.of(finding("F1", "OPS-03", "MEDIUM", "2025-05-31")));
        audit("介護保険課", 2025, List.of());
        audit("保険年金課", 2025, List.of());
        audit("危機管理課", 2025, List.of());

        Http.Answer done = post("/api/v1/audits/" + care + "/findings/F1/completion?asOf=" + AS_OF, Map.of("completedOn", "2025-03-20"));
        assertEquals(200, done.status(), done.body());
        assertEquals(0, json.readTree(done.body()).get("findings").size(), "the completed action is no longer overdue");

        for (String department : List.of("市民課", "介護保険課", "商業観光課")) {
            assertEquals(201, submit(officer, Submissions.compliant(department, 2025)).status());
        }
        auditsOfAnotherOrganization();
    }

    /**
     * Every department of the city audited in every year of the story by another organization,
     * stored straight into the database (the service knows only the registered city): were they
     * counted as the city's, the coverage and the compliance list below would change.
     */
    private void auditsOfAnotherOrganization() {
        JdbcAuditStore store = new JdbcAuditStore(database.dataSource(), new jp.tenken.activity.ActivityLog(database.dataSource()));
        for (int fiscalYear = 2022; fiscalYear <= 2025; fiscalYear++) {
            for (String department : units) {
                store.store(new AuditRecord("oiso", department, fiscalYear, java.time.LocalDate.of(fiscalYear, 11, 20),
                        List.of(new Auditor("監査員B", "総務課")), List.of()), "oiso-auditor");
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        server.close();
        database.close();
    }

    private static Map<String, Object> finding(String id, String itemId, String severity, String dueDate) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action", "是正する");
        action.put("dueDate", dueDate);
        return Map.of("id", id, "itemId", itemId, "severity", severity, "description", "指摘", "correctiveAction", action);
    }

    private String audit(String department, int fiscalYear, List<Map<String, Object>> findings) throws Exception {
        return audit(department, fiscalYear, fiscalYear + "-11-20", findings);
    }

    private String audit(String department, int fiscalYear, String auditedOn, List<Map<String, Object>> findings) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", "hiratsuka");
        body.put("department", department);
        body.put("fiscalYear", fiscalYear);
        body.put("auditedOn", auditedOn);
        body.put("auditors", List.of(Map.of("name", "監査員A", "department", department.equals("職員課") ? "デジタル推進課" : "職員課")));
        body.put("findings", findings);
        Http.Answer answer = post("/api/v1/audits?asOf=" + AS_OF, body);
        assertEquals(201, answer.status(), answer.body());
        return json.readTree(answer.body()).get("id").asText();
    }

    private Http.Answer post(String uri, Object body) throws Exception {
        return Http.sendAs(client, auditor, HttpRequest.POST(uri, json.writeValueAsBytes(body)).contentType(MediaType.APPLICATION_JSON));
    }

    private Http.Answer submit(String officer, Map<String, Object> inspection) throws Exception {
        // Dated at the start of its fiscal year, so that the as-of dates of these tests see it submitted.
        inspection.put("submittedOn", inspection.get("fiscalYear") + "-04-10");
        return Http.sendAs(client, officer, HttpRequest.POST("/api/v1/inspections", json.writeValueAsBytes(inspection))
                .contentType(MediaType.APPLICATION_JSON));
    }

    private JsonNode get(String uri) throws Exception {
        Http.Answer answer = Http.sendAs(client, auditor, HttpRequest.GET(Http.encodeQuery(uri)));
        assertEquals(200, answer.status(), answer.body());
        return json.readTree(answer.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void theCoverageReportOfFy2025() throws Exception {
        JsonNode report = get("/api/v1/audits/coverage?organization=hiratsuka&fiscalYear=2025&asOf=" + AS_OF);
        assertEquals(3, report.get("auditedCount").asInt());
        assertEquals(3, report.get("previousYearCount").asInt());
        assertEquals(Set.of("介護保険課", "保険年金課", "危機管理課"), new TreeSet<>(texts(report.get("audited"))));
        Set<String> withinCycle = Set.of("市民課", "デジタル推進課", "介護保険課", "商業観光課", "保険年金課", "危機管理課");
        List<String> expectedOverdue = units.stream().filter(u -> !withinCycle.contains(u)).toList();
        assertEquals(expectedOverdue, texts(report.get("notAuditedWithinCycle")));
        assertTrue(expectedOverdue.contains("保育課"));
        Set<String> rotation = new TreeSet<>();
        int coverageFindings = 0;
        for (JsonNode f : report.get("findings")) {
            if (f.get("ruleId").asText().equals("AUDIT-ROTATION-OVERDUE")) {
                rotation.add(f.get("target").get("department").asText());
            } else {
                assertEquals("AUDIT-COVERAGE-NOT-INCREASING", f.get("ruleId").asText());
                assertEquals(2025, f.get("target").get("fiscalYear").asInt());
                coverageFindings++;
            }
        }
        assertEquals(new TreeSet<>(expectedOverdue), rotation);
        assertEquals(1, coverageFindings);
    }

    @Test
    void theCoverageReportOfFy2024GrewAndHasNoCoverageFinding() throws Exception {
        JsonNode report = get("/api/v1/audits/coverage?organization=hiratsuka&fiscalYear=2024");
        assertEquals(3, report.get("auditedCount").asInt());
        assertEquals(2, report.get("previousYearCount").asInt());
        for (JsonNode f : report.get("findings")) {
            assertEquals("AUDIT-ROTATION-OVERDUE", f.get("ruleId").asText());
        }
    }

    @Test
    void theComplianceListOfFy2025() throws Exception {
        Map<String, JsonNode> list = new LinkedHashMap<>();
        get("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025&asOf=" + AS_OF).get("units")
                .forEach(u -> list.put(u.get("department").asText(), u));
        assertEquals(units, new ArrayList<>(list.keySet()));

        JsonNode citizens = list.get("市民課");
        assertEquals("NON_COMPLIANT", citizens.get("status").asText(), "overdue action on a HIGH finding");
        assertEquals(2024, citizens.get("lastAuditedFiscalYear").asInt());
        assertEquals(1, citizens.get("openAuditActions").asInt());
        assertEquals("AUDIT-ACTION-OVERDUE", citizens.get("findings").get(0).get("ruleId").asText());

        JsonNode care = list.get("介護保険課");
        assertEquals("COMPLIANT", care.get("status").asText(), "its action was completed");
        assertEquals(2025, care.get("lastAuditedFiscalYear").asInt());
        assertEquals(0, care.get("openAuditActions").asInt());

        JsonNode tourism = list.get("商業観光課");
        assertEquals("COMPLIANT", tourism.get("status").asText(), "an overdue action on a MEDIUM finding is listed, not blocking");
        assertEquals(1, tourism.get("openAuditActions").asInt());
        assertEquals("AUDIT-ACTION-OVERDUE", tourism.get("findings").get(0).get("ruleId").asText());

        JsonNode childcare = list.get("保育課");
        assertEquals("NON_COMPLIANT", childcare.get("status").asText(), "no self-inspection");
        assertEquals(2022, childcare.get("lastAuditedFiscalYear").asInt());

        assertTrue(list.get("職員課").get("lastAuditedFiscalYear").isNull());

        Set<String> nonCompliant = new TreeSet<>();
        get("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025&status=NON_COMPLIANT&asOf=" + AS_OF).get("units")
                .forEach(u -> nonCompliant.add(u.get("department").asText()));
        Set<String> expected = new TreeSet<>(units);
        expected.removeAll(Set.of("介護保険課", "商業観光課"));
        assertEquals(expected, nonCompliant);
    }

    /** One department's line of the compliance list of a fiscal year as of a date. */
    private JsonNode complianceLine(int fiscalYear, String asOf, String department) throws Exception {
        for (JsonNode unit : get("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=" + fiscalYear + "&asOf=" + asOf).get("units")) {
            if (unit.get("department").asText().equals(department)) {
                return unit;
            }
        }
        throw new AssertionError(department + " is not in the list");
    }

    @Test
    void anActionCompletedAfterTheAsOfDateIsStillOpenOnIt() throws Exception {
        JsonNode care = complianceLine(2025, "2025-03-19", "介護保険課");
        assertEquals(1, care.get("openAuditActions").asInt(), "completed on 2025-03-20");
        // Its FY2025 self-inspection (dated from 2025-04-01 on) was not there yet on 2025-03-19.
        List<String> rules = new ArrayList<>();
        care.get("findings").forEach(f -> rules.add(f.get("ruleId").asText()));
        assertEquals(List.of("SI-NOT-SUBMITTED"), rules, "open, but not yet due: no audit finding");
    }

    @Test
    void anActionOfAnAuditHeldAfterTheAsOfDateWasNotOpenOnIt() throws Exception {
        JsonNode citizens = complianceLine(2024, "2024-11-19", "市民課");
        assertEquals(0, citizens.get("openAuditActions").asInt(), "the FY2024 audit of 市民課 was held on 2024-11-20");
    }

    @Test
    void theComplianceListAsCsvOpensInExcel() {
        Http.Answer csv = Http.sendAs(client, auditor, HttpRequest.GET(Http.encodeQuery(
                "/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025&asOf=" + AS_OF)).accept("text/csv"));
        assertEquals(200, csv.status());
        assertTrue(csv.body().startsWith("\uFEFF課,状況,自己点検提出"), csv.body().substring(0, 40));
        assertTrue(csv.body().contains("市民課,不適合,提出済み,0,0,2024,1,"), csv.body());
        // The header and one line per department, then after an empty line the organization-level block.
        List<String> lines = csv.body().lines().toList();
        assertEquals(units.size() + 1, lines.indexOf(""), csv.body());
        assertTrue(lines.get(units.size() + 2).startsWith("組織全体の項目"), csv.body());
        Http.Answer byParameter = Http.sendAs(client, auditor, HttpRequest.GET(Http.encodeQuery(
                "/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025&format=csv&asOf=" + AS_OF)));
        assertEquals(csv.body(), byParameter.body());
        assertTrue(new String(byParameter.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("保育課"));
    }

    @Test
    void auditsAreListedByYearAndDepartment() throws Exception {
        JsonNode audits = get("/api/v1/audits?organization=hiratsuka&department=市民課&asOf=" + AS_OF);
        assertEquals(2, audits.size());
        assertEquals(2023, audits.get(0).get("fiscalYear").asInt());
        assertEquals(3, get("/api/v1/audits?organization=hiratsuka&fiscalYear=2024").size());
    }

    /**
     * A record stored before dates were checked: its audit lies after the as-of date and outside its
     * fiscal year, and its action was due before the audit. As of a date before the audit, the
     * action was neither open nor overdue, so the line is COMPLIANT with no open action: the status
     * and the count are judged on the same audits.
     */
    @Test
    void theStatusAndTheOpenActionsOfALineComeFromTheSameAudits() throws Exception {
        AuditStore store = server.getApplicationContext().getBean(AuditStore.class);
        store.store(new AuditRecord("hiratsuka", "行政総務課", 2026, java.time.LocalDate.of(2027, 5, 10),
                List.of(new Auditor("監査員A", "職員課")),
                List.of(new AuditFinding("F1", "PHY-02", jp.tenken.checklist.ItemSeverity.HIGH, "指摘",
                        new CorrectiveAction("是正する", java.time.LocalDate.of(2026, 6, 30), null)))), "auditor");
        assertEquals(201, submit(generalAffairsOfficer, Submissions.compliant("行政総務課", 2026)).status());

        JsonNode list = get("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2026&asOf=2026-09-01");
        for (JsonNode line : list.get("units")) {
            int overdue = 0;
            for (JsonNode f : line.get("findings")) {
                overdue += f.get("ruleId").asText().equals("AUDIT-ACTION-OVERDUE") ? 1 : 0;
            }
            assertTrue(overdue <= line.get("openAuditActions").asInt(), "an overdue action is an open one: " + line);
        }
        JsonNode general = complianceLine(2026, "2026-09-01", "行政総務課");
        assertEquals(0, general.get("openAuditActions").asInt());
        assertEquals("COMPLIANT", general.get("status").asText(), general.toString());
    }

    private static JsonNode actionOf(JsonNode audit) {
        return audit.get("record").get("findings").get(0).get("correctiveAction");
    }

    private Http.Answer postIn(String language, String uri, Object body) throws Exception {
        return Http.sendAs(client, auditor, HttpRequest.POST(uri, json.writeValueAsBytes(body)).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", language));
    }

    @Test
    void everyCompletionIsKeptAndACorrectionNeedsAReason() throws Exception {
        String id = audit("契約検査課", 2026, "2026-05-10", List.of(finding("F1", "PHY-02", "HIGH", "2026-09-30")));
        String completion = "/api/v1/audits/" + id + "/findings/F1/completion";
        Http.Answer first = post(completion, Map.of("completedOn", "2026-09-20"));
        assertEquals(200, first.status(), "the first completion needs no reason: " + first.body());
        Http.Answer retry = post(completion, Map.of("completedOn", "2026-09-20"));
        assertEquals(200, retry.status(), "the same completion sent again is a retry, not a correction: " + retry.body());
        assertEquals(1, actionOf(get("/api/v1/audits/" + id)).get("completions").size(), "a retry adds nothing");

        for (Map<String, Object> unexplained : List.of(Map.<String, Object>of("completedOn", "2026-09-25"),
                Map.<String, Object>of("completedOn", "2026-09-25", "reason", " "))) {
            Http.Answer japanese = post(completion, unexplained);
            assertEquals(400, japanese.status(), unexplained + " " + japanese.body());
            JsonNode violation = json.readTree(japanese.body()).get("violations").get(0);
            assertEquals("reason", violation.get("path").asText());
            String english = json.readTree(postIn("en", completion, unexplained).body()).get("violations").get(0).get("message").asText();
            assertTrue(english.contains("reason") && !english.equals(violation.get("message").asText()), english);
        }
        assertEquals(1, actionOf(get("/api/v1/audits/" + id)).get("completions").size(), "a refused correction is not recorded");

        String reason = "完了報告書の日付の誤り";
        Http.Answer corrected = post(completion, Map.of("completedOn", "2026-09-25", "reason", reason));
        assertEquals(200, corrected.status(), corrected.body());
        for (JsonNode action : List.of(actionOf(json.readTree(corrected.body())), actionOf(get("/api/v1/audits/" + id)))) {
            assertEquals("是正する", action.get("action").asText());
            assertEquals("2026-09-30", action.get("dueDate").asText());
            assertEquals("2026-09-25", action.get("completedOn").asText(), "the latest recorded completion is the current one");
            JsonNode history = action.get("completions");
            assertEquals(2, history.size(), action.toString());
            assertEquals("2026-09-20", history.get(0).get("completedOn").asText());
            assertTrue(history.get(0).get("reason").isNull());
            assertEquals("2026-09-25", history.get(1).get("completedOn").asText());
            assertEquals(reason, history.get(1).get("reason").asText());
            for (JsonNode entry : history) {
                assertTrue(entry.get("completedBy").isTextual() && !entry.get("completedBy").asText().isEmpty(),
                        "names the user who recorded it: " + entry);
            }
            assertTrue(!java.time.OffsetDateTime.parse(history.get(1).get("recordedAt").asText())
                    .isBefore(java.time.OffsetDateTime.parse(history.get(0).get("recordedAt").asText())), history.toString());
        }
    }

    @Test
    void aCompletionSentWithTheRecordBeginsItsHistory() throws Exception {
        Map<String, Object> done = finding("F1", "PHY-02", "HIGH", "2026-09-30");
        @SuppressWarnings("unchecked")
        Map<String, Object> action = (Map<String, Object>) done.get("correctiveAction");
        action.put("completedOn", "2026-08-01");
        action.put("completions", List.of(Map.of("completedOn", "2026-07-01", "reason", "sent by the client")));
        String id = audit("庁舎管理課", 2026, "2026-05-10", List.of(done));
        JsonNode audit = get("/api/v1/audits/" + id);
        JsonNode history = actionOf(audit).get("completions");
        assertEquals(1, history.size(), "the history is the service's, not the client's: " + audit);
        assertEquals("2026-08-01", history.get(0).get("completedOn").asText());
        assertTrue(history.get(0).get("reason").isNull());
        assertEquals(java.time.OffsetDateTime.parse(audit.get("storedAt").asText()),
                java.time.OffsetDateTime.parse(history.get(0).get("recordedAt").asText()));
        Http.Answer unexplained = post("/api/v1/audits/" + id + "/findings/F1/completion", Map.of("completedOn", "2026-08-02"));
        assertEquals(400, unexplained.status(), "a later completion is a correction: " + unexplained.body());
    }
}
