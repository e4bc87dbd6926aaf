package jp.tenken.api;

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
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /api/v1/rules/reload (CONTRACT §13) on a copy of the rules folder that the tests change:
 * a changed rule file gives a new rulesVersion to the checks that follow; a rule that does not
 * compile is a 422 naming file and line and leaves the running rules; checks running during
 * reloads all succeed, each on one rule base or the other; every reload is in the activity log.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleReloadTest implements TestPropertyProvider {

    private static final String RULE = "plan/PLAN-NUMBER-GAP.drl";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();
    private Path rules;
    private String original;

    @Override
    public Map<String, String> getProperties() {
        try {
            rules = Files.createTempDirectory("tenken-rules");
            Path source = Path.of("rules");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = rules.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            original = Files.readString(rules.resolve(RULE));
            return Map.of("tenken.rules-dir", rules.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void restoreTheRule() throws Exception {
        Files.writeString(rules.resolve(RULE), original);
        reload();
    }

    private Http.Answer reload() {
        return Http.sendAsAdmin(client, HttpRequest.POST("/api/v1/rules/reload", ""));
    }

    private JsonNode check() throws Exception {
        Http.Answer answer = Http.sendAs(client, TestUsers.editor(context), HttpRequest.POST("/api/v1/plans/check",
                Files.readAllBytes(Fixtures.DX_PLAN)).contentType(MediaType.of("application/yaml")));
        assertEquals(200, answer.status(), answer.body());
        return json.readTree(answer.body());
    }

    @Test
    void theSameRulesKeepTheirVersionAndAChangedFileGivesANewOneToTheChecksThatFollow() throws Exception {
        String before = check().get("rulesVersion").asText();
        JsonNode same = json.readTree(reload().body());
        assertEquals(before, same.get("rulesVersion").asText());
        assertFalse(same.get("changed").asBoolean());

        Files.writeString(rules.resolve(RULE), original + "\n// a comment: the content changed\n");
        Http.Answer answer = reload();
        assertEquals(200, answer.status(), answer.body());
        JsonNode reloaded = json.readTree(answer.body());
        assertTrue(reloaded.get("changed").asBoolean());
        assertEquals(before, reloaded.get("previousVersion").asText());
        String after = reloaded.get("rulesVersion").asText();
        assertNotEquals(before, after);
        JsonNode checked = check();
        assertEquals(after, checked.get("rulesVersion").asText());
        assertTrue(reloaded.get("rules").asInt() > 20);
    }

    @Test
    void aRuleThatDoesNotCompileIsA422NamingFileAndLineAndTheRunningRulesStay() throws Exception {
        JsonNode before = check();
        Files.writeString(rules.resolve(RULE), original.replaceFirst("when", java.util.regex.Matcher.quoteReplacement("when\n    $x : String( length > )")));
        Http.Answer answer = reload();
        assertEquals(422, answer.status(), answer.body());
        JsonNode error = json.readTree(answer.body());
        assertEquals("rules_not_compiled", error.get("code").asText());
        String path = error.get("violations").get(0).get("path").asText();
        assertTrue(path.contains("PLAN-NUMBER-GAP.drl:"), path);
        assertTrue(path.matches(".*:\\d+$"), "file and line: " + path);

        JsonNode after = check();
        assertEquals(before.get("rulesVersion"), after.get("rulesVersion"), "the running rules stay");
        assertEquals(before.get("findings"), after.get("findings"));
    }

    @Test
    void onlyAnAdminReloadsAndEveryReloadIsInTheActivityLog() throws Exception {
        for (String user : List.of(TestUsers.editor(context), TestUsers.auditor(context),
                TestUsers.officer(context, "reload-officer", "市民課"))) {
            assertEquals(403, Http.sendAs(client, user, HttpRequest.POST("/api/v1/rules/reload", "")).status(), user);
        }
        assertEquals(200, reload().status());
        Http.Answer log = Http.sendAsAdmin(client, HttpRequest.GET("/api/v1/activity?action=RULES_RELOADED"));
        assertEquals(200, log.status(), log.body());
        assertTrue(log.body().contains("RULES_RELOADED"), log.body());
    }

    @Test
    void checksRunningDuringReloadsAllSucceedEachOnOneRuleBaseOrTheOther() throws Exception {
        JsonNode baseline = check();
        String before = baseline.get("rulesVersion").asText();
        Files.writeString(rules.resolve(RULE), original + "\n// changed while checks run\n");
        Set<String> versions = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Http.Answer first;
        Http.Answer second;
        try {
            List<Future<JsonNode>> checks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                checks.add(pool.submit(this::check));
            }
            first = reload();
            Files.writeString(rules.resolve(RULE), original);
            second = reload();
            assertEquals(200, first.status(), first.body());
            assertEquals(200, second.status(), second.body());
            for (Future<JsonNode> check : checks) {
                JsonNode answer = check.get();
                versions.add(answer.get("rulesVersion").asText());
                assertEquals(baseline.get("findings"), answer.get("findings"), "the same findings on either rule base");
            }
        } finally {
            pool.shutdownNow();
        }
        String changedVersion = json.readTree(first.body()).get("rulesVersion").asText();
        assertNotEquals(before, changedVersion);
        assertEquals(before, json.readTree(second.body()).get("rulesVersion").asText(), "back to the original content, back to its version");
        assertTrue(Set.of(before, changedVersion).containsAll(versions), "each check on one rule base or the other: " + versions);
    }
}
