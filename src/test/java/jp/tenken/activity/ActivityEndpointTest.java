package jp.tenken.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.account.Role;
import jp.tenken.api.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/v1/activity over HTTP: who may read it (ADMIN all, AUDITOR its own organization), the
 * filters, the shape, and a 400 naming each bad parameter. The entries of the past are appended
 * directly with the times the filters need; one is made through the API to show a write is listed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityEndpointTest implements TestPropertyProvider {

    private static final String OISO_AUDITOR = "oiso-auditor";
    private static final String HIRA_ADMIN = "hira-admin";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    @Inject
    ActivityLog log;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path seeds = Files.createTempDirectory("tenken-activity");
            Path organizations = Files.createDirectories(seeds.resolve("organizations"));
            String city = Files.readString(Path.of("seeds/organizations/hiratsuka.yaml"));
            Files.writeString(organizations.resolve("hiratsuka.yaml"), city);
            Files.writeString(organizations.resolve("oiso.yaml"),
                    city.replace("\nid: hiratsuka\n", "\nid: oiso\n").replace("\nname: 平塚市\n", "\nname: 大磯町\n"));
            return Map.of("tenken.seeds-dir", seeds.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 2025-04-01 (in Japan) and the days after, at 10:00 Japan time; entries far in the past, so the writes of the tests come after. */
    private static Instant day(int n) {
        return Instant.parse("2025-04-01T01:00:00Z").plusSeconds(86_400L * n);
    }

    @BeforeAll
    void entries() {
        TestUsers.auditor(context);
        TestUsers.editor(context);
        TestUsers.ensure(context, OISO_AUDITOR, Set.of(Role.AUDITOR), "oiso", Set.of());
        TestUsers.ensure(context, HIRA_ADMIN, Set.of(Role.ADMIN), "hiratsuka", Set.of());
        log.append(new ActivityEntry(day(0), "tanaka", ActivityAction.PLAN_STORED, "hiratsuka",
                Map.of("planId", "p1", "version", 1), Outcome.OK));
        log.append(new ActivityEntry(day(1), "suzuki", ActivityAction.INSPECTION_SUBMITTED, "hiratsuka",
                Map.of("inspectionId", "i1"), Outcome.OK));
        log.append(new ActivityEntry(day(2), "tanaka", ActivityAction.ACCESS_DENIED, "hiratsuka",
                Map.of("method", "POST", "path", "/api/v1/plans", "permission", "PLAN_CHECK_STORE"), Outcome.DENIED));
        log.append(new ActivityEntry(day(1), "sato", ActivityAction.AUDIT_RECORDED, "oiso",
                Map.of("auditId", "a1"), Outcome.OK));
        log.append(new ActivityEntry(day(3), null, ActivityAction.LOGIN_FAILED, null, Map.of(), Outcome.DENIED));
    }

    private Http.Answer get(String as, String uri) {
        return Http.send(client, TestUsers.as(as, HttpRequest.GET(Http.encodeQuery(uri))));
    }

    private JsonNode list(String as, String uri) {
        Http.Answer answer = get(as, uri);
        assertEquals(200, answer.status(), answer.body());
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "action user organization" of each entry, in the answer's order. */
    private static List<String> lines(JsonNode entries) {
        List<String> lines = new ArrayList<>();
        entries.forEach(e -> lines.add(e.get("action").asText() + " " + e.get("user").asText() + " "
                + e.get("organization").asText()));
        return lines;
    }

    @Test
    void anAdminReadsEveryOrganizationNewestFirstInTheContractsShape() {
        JsonNode entries = list(TestUsers.ADMIN, "/api/v1/activity?to=2025-04-30");
        assertEquals(List.of("LOGIN_FAILED null null", "ACCESS_DENIED tanaka hiratsuka", "AUDIT_RECORDED sato oiso",
                "INSPECTION_SUBMITTED suzuki hiratsuka", "PLAN_STORED tanaka hiratsuka"), lines(entries));
        JsonNode plan = entries.get(4);
        assertEquals(List.of("at", "user", "action", "organization", "target", "outcome"), fields(plan));
        assertEquals("2025-04-01T01:00:00Z", plan.get("at").asText());
        assertEquals(json.valueToTree(Map.of("planId", "p1", "version", 1)), plan.get("target"));
        assertEquals("OK", plan.get("outcome").asText());
        assertEquals("DENIED", entries.get(1).get("outcome").asText());
    }

    private static List<String> fields(JsonNode node) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    @Test
    void theFiltersCombine() {
        assertEquals(List.of("ACCESS_DENIED tanaka hiratsuka", "INSPECTION_SUBMITTED suzuki hiratsuka",
                        "PLAN_STORED tanaka hiratsuka"),
                lines(list(TestUsers.ADMIN, "/api/v1/activity?organization=hiratsuka&to=2025-04-30")));
        assertEquals(List.of("ACCESS_DENIED tanaka hiratsuka", "PLAN_STORED tanaka hiratsuka"),
                lines(list(TestUsers.ADMIN, "/api/v1/activity?user=tanaka")));
        assertEquals(List.of("AUDIT_RECORDED sato oiso"),
                lines(list(TestUsers.ADMIN, "/api/v1/activity?action=AUDIT_RECORDED")));
        // Dates are whole days in Japan, both included: 04-02 is day(1) only.
        assertEquals(List.of("AUDIT_RECORDED sato oiso", "INSPECTION_SUBMITTED suzuki hiratsuka"),
                lines(list(TestUsers.ADMIN, "/api/v1/activity?from=2025-04-02&to=2025-04-02")));
        // Moments: from included, to excluded.
        assertEquals(List.of("AUDIT_RECORDED sato oiso", "INSPECTION_SUBMITTED suzuki hiratsuka", "PLAN_STORED tanaka hiratsuka"),
                lines(list(TestUsers.ADMIN, "/api/v1/activity?from=2025-04-01T10:00:00+09:00&to=2025-04-03T01:00:00Z")));
        assertEquals(List.of("INSPECTION_SUBMITTED suzuki hiratsuka"),
                lines(list(TestUsers.ADMIN, "/api/v1/activity?organization=hiratsuka&from=2025-04-02T00:00&to=2025-04-03T00:00")));
        assertEquals(List.of("LOGIN_FAILED null null", "ACCESS_DENIED tanaka hiratsuka"),
                lines(list(TestUsers.ADMIN, "/api/v1/activity?to=2025-04-30&from=2025-04-02&limit=2")));
    }

    @Test
    void anAuditorReadsItsOwnOrganizationOnly() {
        List<String> own = lines(list(TestUsers.AUDITOR, "/api/v1/activity?to=2025-04-30"));
        assertEquals(List.of("ACCESS_DENIED tanaka hiratsuka", "INSPECTION_SUBMITTED suzuki hiratsuka",
                "PLAN_STORED tanaka hiratsuka"), own, "without organization: its own, nothing of none");
        assertEquals(own, lines(list(TestUsers.AUDITOR, "/api/v1/activity?organization=hiratsuka&to=2025-04-30")));
        Http.Answer other = get(TestUsers.AUDITOR, "/api/v1/activity?organization=oiso");
        assertEquals(403, other.status(), other.body());
        assertTrue(other.body().contains("ACTIVITY_READ"), other.body());
        assertEquals(List.of("AUDIT_RECORDED sato oiso"), lines(list(OISO_AUDITOR, "/api/v1/activity?to=2025-04-30")));
        assertEquals(List.of(), lines(list(TestUsers.AUDITOR, "/api/v1/activity?user=sato")), "filters stay inside its organization");
        // An ADMIN of one organization is limited the same way.
        assertEquals(own, lines(list(HIRA_ADMIN, "/api/v1/activity?to=2025-04-30")));
        assertEquals(403, get(HIRA_ADMIN, "/api/v1/activity?organization=oiso").status());
    }

    @Test
    void rolesWithoutTheActivityPermissionAre403AndAStrangerIs401() {
        Http.Answer editor = get(TestUsers.EDITOR, "/api/v1/activity");
        assertEquals(403, editor.status(), editor.body());
        assertEquals("forbidden", list403Code(editor));
        assertEquals(401, Http.send(client, HttpRequest.GET("/api/v1/activity")).status());
    }

    private String list403Code(Http.Answer answer) {
        try {
            return json.readTree(answer.body()).get("code").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aWriteThroughTheApiIsListedWithItsUserAndOrganization() throws Exception {
        String body = "{\"username\":\"listed-user\",\"displayName\":\"一覧\",\"password\":\"listed-password-1\","
                + "\"roles\":[\"PLAN_EDITOR\"],\"organization\":\"oiso\"}";
        Http.Answer created = Http.send(client, TestUsers.asAdmin(HttpRequest.POST("/api/v1/users",
                body.getBytes(StandardCharsets.UTF_8)).contentType(MediaType.APPLICATION_JSON)));
        assertEquals(201, created.status(), created.body());
        JsonNode newest = list(OISO_AUDITOR, "/api/v1/activity?action=USER_CREATED&limit=1").get(0);
        assertEquals("USER_CREATED admin oiso", lines(json.createArrayNode().add(newest)).get(0));
        assertEquals("{\"username\":\"listed-user\"}", newest.get("target").toString());
        assertFalse(Instant.parse(newest.get("at").asText()).isBefore(Instant.now().minusSeconds(60)));
        assertFalse(lines(list(TestUsers.AUDITOR, "/api/v1/activity?action=USER_CREATED")).contains("USER_CREATED admin oiso"),
                "the user of oiso is not in Hiratsuka's log");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "limit=0                              | limit",
            "limit=1001                           | limit",
            "limit=abc                            | limit",
            "limit=５                             | limit",
            "limit=99999999999999999999           | limit",
            "action=PLAN_DELETED                  | action",
            "action=plan_stored                   | action",
            "from=yesterday                       | from",
            "from=2025-02-30                      | from",
            "from=1999-12-31                      | from",
            "to=2025-04-01T25:00:00Z              | to",
            "from=2025-05-01&to=2025-04-01        | from",
    })
    void aBadParameterIs400NamingIt(String query, String parameter) throws Exception {
        Http.Answer refused = get(TestUsers.ADMIN, "/api/v1/activity?" + query);
        assertEquals(400, refused.status(), refused.body());
        JsonNode body = json.readTree(refused.body());
        assertEquals("invalid_document", body.get("code").asText());
        assertEquals(parameter, body.get("violations").get(0).get("path").asText(), refused.body());
        assertEquals(1, body.get("violations").size());
    }
}
