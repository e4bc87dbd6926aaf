package jp.tenken.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI description (CONTRACT §13): generated from the controllers at compile time, served to
 * any logged-in user, naming every /api/v1 route the service has and nothing else.
 */
@MicronautTest
class OpenApiEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    private JsonNode document() throws Exception {
        Http.Answer answer = Http.sendAs(client, TestUsers.editor(context), HttpRequest.GET("/api/v1/openapi.yml"));
        assertEquals(200, answer.status(), answer.body());
        return new YAMLMapper().readTree(answer.body());
    }

    @Test
    void everyApiRouteOfTheServiceIsDescribedAndNothingElse() throws Exception {
        JsonNode document = document();
        assertTrue(document.get("openapi").asText().startsWith("3."), document.get("openapi").asText());
        assertEquals("Tenken", document.get("info").get("title").asText());
        Set<String> described = new TreeSet<>();
        document.get("paths").fieldNames().forEachRemaining(described::add);
        Set<String> routes = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : context.getBean(Router.class).uriRoutes().map(r -> (UriRouteInfo<?, ?>) r).toList()) {
            String path = route.getUriMatchTemplate().toPathString().replaceAll("\\{([^}?:]+)[^}]*}", "{$1}");
            if (path.startsWith("/api/") && !path.equals("/api/v1/openapi.yml")) {
                routes.add(path.replaceAll("\\{\\?.*$", ""));
            }
        }
        assertTrue(routes.size() > 20, routes.toString());
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(described);
        assertTrue(missing.isEmpty(), "routes without a description: " + missing + "\ndescribed: " + described);
        assertTrue(described.stream().allMatch(p -> p.startsWith("/api/")), "only the API: " + described);
        assertTrue(described.contains("/api/v1/plans/check") && described.contains("/api/v1/rules/reload"), described.toString());
    }

    @Test
    void theLoggedInUserIsNoParameterAndOnlySchemasInUseAreListed() throws Exception {
        JsonNode document = document();
        assertFalse(document.get("paths").toString().contains("\"caller\""), "the caller is the login, not a parameter");
        JsonNode schemas = document.get("components").get("schemas");
        assertTrue(schemas.has("PlanCheckResponse"), schemas.toString());
        assertFalse(schemas.has("Caller"));
        assertFalse(schemas.has("ModelAndView_Map_String.Object__"), "no page's model");
    }

    @Test
    void withoutALoginItIsRefusedAndTheSwaggerPageReadsTheSameDocument() throws Exception {
        assertEquals(401, Http.send(client, HttpRequest.GET("/api/v1/openapi.yml")).status());
        Http.Answer page = Http.sendAs(client, TestUsers.editor(context), HttpRequest.GET("/swagger/tenken-0.1.yml"));
        assertEquals(200, page.status());
        assertEquals(document(), new YAMLMapper().readTree(page.body()));
        Http.Answer ui = Http.sendAs(client, TestUsers.editor(context), HttpRequest.GET("/swagger-ui/index.html"));
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("swagger-ui-bundle.js"), "the page's script, from the jar");
        assertFalse(ui.body().contains("https://"), "nothing from the internet");
    }
}
