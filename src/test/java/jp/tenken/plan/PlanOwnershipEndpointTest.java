package jp.tenken.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.account.Role;
import jp.tenken.api.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /api/v1/plans with the id of another organization's plan: 409 in the error shape, nothing
 * stored. Two organizations are registered: the city and a copy of it under another id (大磯町).
 * Each plan is stored by a plan editor of its own organization.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanOwnershipEndpointTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String hiratsukaEditor;
    private String oisoEditor;

    @BeforeAll
    void createEditors() {
        hiratsukaEditor = TestUsers.editor(context);
        oisoEditor = TestUsers.ensure(context, "editor-oiso", Set.of(Role.PLAN_EDITOR), "oiso", Set.of());
    }

    private String editorOf(String organization) {
        return organization.equals("oiso") ? oisoEditor : hiratsukaEditor;
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            Path seeds = Files.createTempDirectory("tenken-two-organizations");
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

    private Http.Answer post(String planId, String organization, String language) {
        String body = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"" + planId + "\"")
                .replace("\"organization\": \"hiratsuka\"", "\"organization\": \"" + organization + "\"");
        MutableHttpRequest<byte[]> request = HttpRequest.POST("/api/v1/plans", body.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_JSON);
        return Http.sendAs(client, editorOf(organization), language == null ? request : request.header("Accept-Language", language));
    }

    @Test
    void theIdOfAnotherOrganizationsPlanIs409NamingTheOrganizationFieldAndStoresNothing() throws Exception {
        assertEquals(201, post("shared-id", "hiratsuka", null).status());
        Http.Answer refused = post("shared-id", "oiso", null);
        assertEquals(409, refused.status(), refused.body());
        JsonNode body = json.readTree(refused.body());
        assertEquals("plan_of_another_organization", body.get("code").asText());
        assertEquals("計画ID「shared-id」は別の組織の計画に使われています。組織「oiso」の計画には別のIDを付けてください",
                body.get("message").asText());
        assertEquals("organization", body.get("violations").get(0).get("path").asText());
        JsonNode latest = json.readTree(Http.sendAs(client, hiratsukaEditor, HttpRequest.GET("/api/v1/plans/shared-id")).body());
        assertEquals(1, latest.get("version").asInt(), "nothing of the refused upload was stored");
        assertEquals("hiratsuka", latest.get("document").get("organization").asText());
        assertEquals(2, json.readTree(post("shared-id", "hiratsuka", null).body()).get("version").asInt());
    }

    @Test
    void theRefusalIsInEnglishWhenAskedFor() throws Exception {
        assertEquals(201, post("shared-id-en", "oiso", null).status());
        Http.Answer refused = post("shared-id-en", "hiratsuka", "en");
        assertEquals(409, refused.status());
        String message = json.readTree(refused.body()).get("message").asText();
        assertEquals("Plan id \"shared-id-en\" is used by a plan of another organization; give the plan of \"hiratsuka\" another id",
                message);
        assertTrue(json.readTree(refused.body()).get("violations").get(0).get("message").asText().contains("shared-id-en"));
    }
}
