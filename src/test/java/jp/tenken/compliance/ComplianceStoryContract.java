package jp.tenken.compliance;

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
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fiscal year told through the service on a real database: one department submits a compliant
 * self-inspection, another a non-compliant one, the rest nothing; the compliance list says so.
 * Each department's officer submits its own; the auditor reads the list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ComplianceStoryContract {

    private TestDatabase database;
    private EmbeddedServer server;
    private HttpClient client;
    private String auditor;
    private final ObjectMapper json = new ObjectMapper();

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = openDatabase();
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        ApplicationContext context = server.getApplicationContext();
        auditor = TestUsers.auditor(context);
        String digital = TestUsers.officer(context, "officer-digital", "デジタル推進課");
        String citizens = TestUsers.officer(context, "officer-shimin", "市民課");
        submit(digital, Submissions.compliant("デジタル推進課", 2025));
        submit(citizens, Submissions.nonCompliant("市民課", 2025));
        submit(citizens, Submissions.compliant("市民課", 2024));
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        server.close();
        database.close();
    }

    private void submit(String officer, Map<String, Object> body) throws Exception {
        Http.Answer answer = Http.sendAs(client, officer, HttpRequest.POST("/api/v1/inspections", json.writeValueAsBytes(body))
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, answer.status(), answer.body());
    }

    private Map<String, JsonNode> units(String query) throws Exception {
        Http.Answer answer = Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/compliance/units?" + query));
        assertEquals(200, answer.status(), answer.body());
        Map<String, JsonNode> units = new LinkedHashMap<>();
        json.readTree(answer.body()).get("units").forEach(u -> units.put(u.get("department").asText(), u));
        return units;
    }

    @Test
    void theListHasEveryUnitWithItsStatusForTheYear() throws Exception {
        Map<String, JsonNode> units = units("organization=hiratsuka&fiscalYear=2025");
        assertEquals(Submissions.CHECKLIST.id(), "municipal-security-self-inspection");
        assertFalse(units.containsKey("庁内各課"), "groups are not units");
        assertTrue(units.size() >= 40);
        JsonNode digital = units.get("デジタル推進課");
        assertEquals("COMPLIANT", digital.get("status").asText());
        assertTrue(digital.get("selfInspection").get("submitted").asBoolean());
        assertEquals(0, digital.get("findings").size());
        JsonNode citizens = units.get("市民課");
        assertEquals("NON_COMPLIANT", citizens.get("status").asText());
        assertEquals(1, citizens.get("selfInspection").get("errors").asInt());
        JsonNode childcare = units.get("保育課");
        assertEquals("NON_COMPLIANT", childcare.get("status").asText());
        assertFalse(childcare.get("selfInspection").get("submitted").asBoolean());
        assertEquals("SI-NOT-SUBMITTED", childcare.get("findings").get(0).get("ruleId").asText());
        assertTrue(childcare.has("lastAuditedFiscalYear"));
    }

    @Test
    void statusFiltersTheList() throws Exception {
        Map<String, JsonNode> compliant = units("organization=hiratsuka&fiscalYear=2025&status=COMPLIANT");
        assertEquals(java.util.Set.of("デジタル推進課"), compliant.keySet());
        Map<String, JsonNode> nonCompliant = units("organization=hiratsuka&fiscalYear=2025&status=NON_COMPLIANT");
        assertTrue(nonCompliant.containsKey("市民課") && nonCompliant.containsKey("保育課"));
        assertFalse(nonCompliant.containsKey("デジタル推進課"));
    }

    @Test
    void asOfADateBeforeTheSubmissionTheDepartmentHadNotSubmitted() throws Exception {
        // Submissions.compliant dates the 2025 submission 2025-10-15.
        JsonNode before = units("organization=hiratsuka&fiscalYear=2025&asOf=2025-10-14").get("デジタル推進課");
        assertEquals("NON_COMPLIANT", before.get("status").asText());
        assertFalse(before.get("selfInspection").get("submitted").asBoolean());
        assertEquals("SI-NOT-SUBMITTED", before.get("findings").get(0).get("ruleId").asText());
        JsonNode on = units("organization=hiratsuka&fiscalYear=2025&asOf=2025-10-15").get("デジタル推進課");
        assertEquals("COMPLIANT", on.get("status").asText());
        assertTrue(on.get("selfInspection").get("submitted").asBoolean());
    }

    @Test
    void anotherYearHasItsOwnSubmissions() throws Exception {
        Map<String, JsonNode> units = units("organization=hiratsuka&fiscalYear=2024");
        assertEquals("COMPLIANT", units.get("市民課").get("status").asText());
        assertEquals("NON_COMPLIANT", units.get("デジタル推進課").get("status").asText());
    }

    @Test
    void badParametersAre400AndAnUnknownOrganization404() {
        assertEquals(400, Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka")).status());
        assertEquals(400, Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=x")).status());
        assertEquals(400, Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025&status=BAD")).status());
        assertEquals(400, Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025&asOf=yesterday")).status());
        // Only an admin of all organizations reaches one that does not exist (a Hiratsuka auditor is refused, 403).
        assertEquals(404, Http.sendAsAdmin(client, HttpRequest.GET("/api/v1/compliance/units?organization=atlantis&fiscalYear=2025")).status());
    }
}
