package jp.tenken.waiver;

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
import jp.tenken.text.JapaneseDates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A waiver told through the service on a real database (H2 and PostgreSQL by the subclasses): a
 * department's non-compliant self-inspection, waived by the auditor, is compliant in the
 * inspection and the compliance list; revoked, it is non-compliant again at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WaiverStoryContract {

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
        auditor = TestUsers.auditor(server.getApplicationContext());
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        server.close();
        database.close();
    }

    private JsonNode send(String user, HttpRequest<?> request, int status) throws Exception {
        Http.Answer answer = Http.sendAs(client, user, (io.micronaut.http.MutableHttpRequest<?>) request);
        assertEquals(status, answer.status(), answer.body());
        return json.readTree(answer.body());
    }

    private HttpRequest<?> post(String uri, Object body) throws Exception {
        return HttpRequest.POST(uri, json.writeValueAsBytes(body)).contentType(MediaType.APPLICATION_JSON);
    }

    private String status(String department) throws Exception {
        for (JsonNode unit : send(auditor, HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025"), 200)
                .get("units")) {
            if (unit.get("department").asText().equals(department)) {
                return unit.get("status").asText();
            }
        }
        throw new AssertionError(department);
    }

    @Test
    void aWaivedDepartmentIsCompliantUntilTheWaiverIsRevoked() throws Exception {
        String inspection = send(TestUsers.ADMIN, post("/api/v1/inspections", Submissions.nonCompliant("市民課", 2025)), 201)
                .get("id").asText();
        assertEquals("NON_COMPLIANT", status("市民課"));

        Map<String, Object> waiver = new LinkedHashMap<>();
        waiver.put("organization", "hiratsuka");
        waiver.put("ruleId", "SI-REMEDIATION-MISSING");
        waiver.put("target", Map.of("department", "市民課", "itemId", "PHY-02"));
        waiver.put("reason", "来年度の庁舎改修で対応");
        waiver.put("expiresOn", JapaneseDates.today().plusMonths(3).toString());
        String id = send(auditor, post("/api/v1/waivers", waiver), 201).get("id").asText();

        assertEquals("COMPLIANT", status("市民課"));
        JsonNode read = send(auditor, HttpRequest.GET("/api/v1/inspections/" + inspection), 200);
        assertEquals("COMPLIANT", read.get("status").asText());
        assertEquals(1, read.get("summary").get("waived").asInt());
        assertEquals(1, send(auditor, HttpRequest.GET("/api/v1/waivers?organization=hiratsuka"), 200).size());

        send(auditor, post("/api/v1/waivers/" + id + "/revocation", Map.of()), 200);
        assertEquals("NON_COMPLIANT", status("市民課"));
        assertEquals("NON_COMPLIANT", send(auditor, HttpRequest.GET("/api/v1/inspections/" + inspection), 200).get("status").asText());
    }
}
