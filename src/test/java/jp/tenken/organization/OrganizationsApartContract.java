package jp.tenken.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.tenken.TestUsers;
import jp.tenken.account.Role;
import jp.tenken.api.Http;
import jp.tenken.inspection.Submissions;
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21 point 2: two organizations of the shipped seeds (平塚市 and the made-up 点検町 of
 * seeds/more-organizations), both with
 * a 市民課, on one database. Each one's self-inspections, audits, compliance list, coverage and
 * activity stay its own, and nobody of one reads or writes the other's. Run on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrganizationsApartContract {

    private static final String CITY = "hiratsuka";
    private static final String TOWN = "tenken-town";

    private TestDatabase database;
    private EmbeddedServer server;
    private HttpClient client;
    private final ObjectMapper json = new ObjectMapper();
    private String cityAuditor;
    private String townAuditor;
    private String cityOfficer;
    private String townOfficer;
    private String townInspection;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = openDatabase();
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("tenken.seeds-dir", seedsOfBoth().toString());
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        ApplicationContext context = server.getApplicationContext();
        cityAuditor = TestUsers.auditor(context);
        townAuditor = TestUsers.ensure(context, "town-auditor", Set.of(Role.AUDITOR), TOWN, Set.of());
        cityOfficer = TestUsers.officer(context, "city-shimin-officer", "市民課");
        townOfficer = TestUsers.ensure(context, "town-shimin-officer", Set.of(Role.SECURITY_OFFICER), TOWN, Set.of("市民課"));

        Http.Answer city = submit(cityOfficer, CITY, Submissions.compliant("市民課", 2025));
        assertEquals(201, city.status(), city.body());
        Http.Answer town = submit(townOfficer, TOWN, Submissions.nonCompliant("市民課", 2025));
        assertEquals(201, town.status(), town.body());
        townInspection = json.readTree(town.body()).get("id").asText();
        Http.Answer townAudit = audit(townAuditor, TOWN, "保育課");
        assertEquals(201, townAudit.status(), townAudit.body());
        Http.Answer cityAudit = audit(cityAuditor, CITY, "市民課");
        assertEquals(201, cityAudit.status(), cityAudit.body());
    }

    /** The shipped registry of the city with the made-up town beside it, as the README says to serve both. */
    private static Path seedsOfBoth() throws Exception {
        Path seeds = Files.createTempDirectory("tenken-city-and-town");
        Path organizations = Files.createDirectories(seeds.resolve("organizations"));
        Files.copy(Path.of("seeds/organizations/hiratsuka.yaml"), organizations.resolve("hiratsuka.yaml"));
        Files.copy(Path.of("seeds/more-organizations/tenken-town.yaml"), organizations.resolve("tenken-town.yaml"));
        return seeds;
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        server.close();
        database.close();
    }

    private Http.Answer submit(String officer, String organization, Map<String, Object> body) throws Exception {
        Map<String, Object> submission = new LinkedHashMap<>(body);
        submission.put("organization", organization);
        return Http.sendAs(client, officer, HttpRequest.POST("/api/v1/inspections", json.writeValueAsBytes(submission))
                .contentType(MediaType.APPLICATION_JSON));
    }

    private Http.Answer audit(String auditor, String organization, String department) throws Exception {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("organization", organization);
        record.put("department", department);
        record.put("fiscalYear", 2025);
        record.put("auditedOn", "2025-11-20");
        record.put("auditors", List.of(Map.of("name", "監査員", "department", CITY.equals(organization) ? "職員課" : "会計課")));
        record.put("findings", List.of());
        return Http.sendAs(client, auditor, HttpRequest.POST("/api/v1/audits", json.writeValueAsBytes(record))
                .contentType(MediaType.APPLICATION_JSON));
    }

    private JsonNode get(String user, String path) throws Exception {
        Http.Answer answer = Http.sendAs(client, user, HttpRequest.GET(Http.encodeQuery(path)));
        assertEquals(200, answer.status(), path + ": " + answer.body());
        return json.readTree(answer.body());
    }

    private Map<String, String> statuses(String user, String organization) throws Exception {
        Map<String, String> statuses = new LinkedHashMap<>();
        get(user, "/api/v1/compliance/units?organization=" + organization + "&fiscalYear=2025&asOf=2025-12-01").get("units")
                .forEach(u -> statuses.put(u.get("department").asText(), u.get("status").asText()));
        return statuses;
    }

    @Test
    void eachComplianceListHasItsOwnDepartmentsAndItsOwn市民課() throws Exception {
        Map<String, String> city = statuses(cityAuditor, CITY);
        Map<String, String> town = statuses(townAuditor, TOWN);
        assertEquals("COMPLIANT", city.get("市民課"), "the city's 市民課 submitted a compliant self-inspection");
        assertEquals("NON_COMPLIANT", town.get("市民課"), "the town's 市民課 did not: " + town);
        assertEquals(13, town.size(), "the town's thirteen departments, no group, none of the city's: " + town.keySet());
        assertTrue(!town.containsKey("デジタル推進課") && !city.containsKey("上下水道課"), "departments stay with their organization");
    }

    @Test
    void eachListsOnlyItsOwnSelfInspectionsAuditsAndActivity() throws Exception {
        JsonNode townInspections = get(townAuditor, "/api/v1/inspections?organization=" + TOWN + "&fiscalYear=2025");
        assertEquals(1, townInspections.size(), townInspections.toString());
        assertEquals(townInspection, townInspections.get(0).get("id").asText());
        JsonNode cityCoverage = get(cityAuditor, "/api/v1/audits/coverage?organization=" + CITY + "&fiscalYear=2025");
        JsonNode townCoverage = get(townAuditor, "/api/v1/audits/coverage?organization=" + TOWN + "&fiscalYear=2025");
        assertEquals(List.of("市民課"), names(cityCoverage.get("audited")));
        assertEquals(List.of("保育課"), names(townCoverage.get("audited")));
        JsonNode activity = get(TestUsers.ADMIN, "/api/v1/activity?organization=" + TOWN);
        List<String> organizations = new ArrayList<>();
        activity.forEach(entry -> organizations.add(entry.get("organization").asText()));
        assertTrue(!organizations.isEmpty() && organizations.stream().allMatch(TOWN::equals), organizations.toString());
    }

    @Test
    void nobodyOfOneOrganizationReadsOrWritesTheOther() throws Exception {
        assertEquals(403, Http.sendAs(client, townAuditor, HttpRequest.GET(Http.encodeQuery(
                "/api/v1/compliance/units?organization=" + CITY + "&fiscalYear=2025"))).status());
        assertEquals(403, Http.sendAs(client, cityAuditor, HttpRequest.GET("/api/v1/inspections/" + townInspection)).status(),
                "the city's auditor reads no self-inspection of the town");
        assertEquals(403, Http.sendAs(client, cityOfficer, HttpRequest.GET("/api/v1/inspections/" + townInspection)).status(),
                "the officer of the city's 市民課 is not the officer of the town's 市民課");
        Http.Answer crossed = submit(townOfficer, CITY, Submissions.compliant("市民課", 2025));
        assertEquals(403, crossed.status(), "a town officer submitting for the city's 市民課: " + crossed.body());
        assertEquals(403, audit(cityAuditor, TOWN, "市民課").status(), "the city's auditor records no audit of the town");
        assertEquals(1, get(townAuditor, "/api/v1/inspections?organization=" + TOWN + "&fiscalYear=2025").size(),
                "nothing stored by the refused requests");
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
