package jp.tenken.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/v1/organizations/{org}/departments, as a Hiratsuka auditor; an organization that does not
 * exist only an admin of all organizations can ask for (anyone else is refused it, 403).
 */
@MicronautTest
class OrganizationEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String auditor;

    @BeforeEach
    void createAuditor() {
        auditor = TestUsers.auditor(context);
    }

    @Test
    void servesHiratsukasDepartmentsWithGroupsFlagged() throws Exception {
        Http.Answer answer = Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/organizations/hiratsuka/departments"));
        assertEquals(200, answer.status());
        Map<String, JsonNode> byName = new HashMap<>();
        json.readTree(answer.body()).forEach(d -> byName.put(d.get("name").asText(), d));
        assertEquals(false, byName.get("デジタル推進課").get("group").asBoolean());
        assertTrue(byName.get("デジタル推進課").get("aliases").isArray());
        for (String group : new String[] {"庁内各課", "関係課", "現金取扱のある課", "標準化対象20業務所管課", "土木、建築関係各課"}) {
            assertTrue(byName.get(group).get("group").asBoolean(), group);
        }
        long units = byName.values().stream().filter(d -> !d.get("group").asBoolean()).count();
        assertTrue(units >= 40, "at least 40 units, got " + units);
    }

    /** The registry file gives a former name with its validity; the answer keeps formerNames a list of names. */
    @Test
    void formerNamesStayNamesWithTheirValidityBeside() throws Exception {
        Http.Answer answer = Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/organizations/hiratsuka/departments"));
        JsonNode culture = null;
        for (JsonNode d : json.readTree(answer.body())) {
            if (d.get("name").asText().equals("文化・交流課")) {
                culture = d;
            }
        }
        assertEquals("[\"オリンピック・パラリンピック推進課\"]", culture.get("formerNames").toString());
        assertEquals("{\"オリンピック・パラリンピック推進課\":2021}", culture.get("formerNamesUsedUntil").toString());
        assertEquals(null, culture.get("formerEntries"));
        JsonNode digital = json.readTree(answer.body()).get(0);
        assertEquals("デジタル推進課", digital.get("name").asText());
        assertEquals("[]", digital.get("formerNames").toString());
        assertEquals(null, digital.get("formerNamesUsedUntil"), "no validity given, none shown");
    }

    @Test
    void unknownOrganizationIs404WithAMessage() throws Exception {
        Http.Answer answer = Http.sendAsAdmin(client, HttpRequest.GET("/api/v1/organizations/atlantis/departments"));
        assertEquals(404, answer.status());
        assertEquals("組織「atlantis」は登録されていません", json.readTree(answer.body()).get("message").asText());
    }
}
