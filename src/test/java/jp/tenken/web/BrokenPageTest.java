package jp.tenken.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page whose template fails while it is rendered is answered at once with a Japanese 500 page,
 * not left without an answer until the browser gives up (the client here would time out after 10 s).
 */
@MicronautTest
@Property(name = "tenken.test.broken-page", value = "true")
class BrokenPageTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Test
    void aTemplateThatFailsGivesAJapanese500PageAtOnce() {
        Http.Answer page = Http.sendAs(client, TestUsers.auditor(context),
                HttpRequest.GET("/test/broken-page").accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(500, page.status(), page.body());
        assertTrue(page.body().contains("ページを表示できませんでした"), page.body());
        assertFalse(page.body().contains("Exception"), "no class name or stack trace: " + page.body());
        assertTrue(page.body().startsWith("<!DOCTYPE html>"), "shown as a page: " + page.body());
    }

    @Test
    void aTemplateThatWorksIsAnsweredAsBefore() {
        Http.Answer page = Http.sendAs(client, TestUsers.auditor(context),
                HttpRequest.GET("/test/working-page").accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("ホーム"), page.body());
    }

    @Requires(property = "tenken.test.broken-page", value = "true")
    @Controller("/test")
    static class TestPages {

        @Get(value = "/broken-page", produces = MediaType.TEXT_HTML)
        ModelAndView<Map<String, Object>> broken() {
            return new ModelAndView<>("test/broken", Map.of());
        }

        @Get(value = "/working-page", produces = MediaType.TEXT_HTML)
        ModelAndView<Map<String, Object>> working() {
            return new ModelAndView<>("error/page", Map.of("status", 200, "heading", "ホーム", "message", "", "violations", java.util.List.of()));
        }
    }
}
