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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /api/v1/rules/reload (CONTRACT §13) on a copy of the rules folder that the tests change:
 * a changed rule file gives a new rulesVersion to the checks that follow; a rule that does not
 * compile is a 422 naming file and line and leaves the running rules; checks running during
 * reloads all succeed, each with the findings of the one rule base its rulesVersion names; every
 * reload is in the activity log.
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

    /** {@link Fixtures#SMALL_PLAN} with an initiative 1 before its initiative 3: PLAN-NUMBER-GAP fires on 2. */
    private static final String GAPPED_PLAN = Fixtures.SMALL_PLAN.replace("\"initiatives\": [",
            "\"initiatives\": [{\"no\": 1, \"policyId\": \"P1\", \"title\": \"窓口のオンライン化\", \"departments\": [\"市民課\"],"
                    + " \"years\": [{\"fiscalYear\": 2024, \"plan\": [\"導入\"], \"result\": \"導入しました\"}]},");

    /** The rule with another severity: the same plan gets different findings on each rule base. */
    private String ruleThatFindsAnError() {
        String changed = original.replace("@severity(\"WARNING\")", "@severity(\"ERROR\")");
        assertNotEquals(original, changed, "the rule file changed: its severity line is not there");
        return changed;
    }

    private JsonNode checkGapped() throws Exception {
        Http.Answer answer = Http.sendAs(client, TestUsers.editor(context), HttpRequest.POST("/api/v1/plans/check", GAPPED_PLAN)
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, answer.status(), answer.body());
        return json.readTree(answer.body());
    }

    @Test
    void checksRunningDuringReloadsAllSucceedEachWithTheFindingsOfTheRuleBaseItsVersionNames() throws Exception {
        // The findings of each rule base, learnt one after the other.
        Map<String, JsonNode> findingsOf = new ConcurrentHashMap<>();
        JsonNode onOriginal = checkGapped();
        String before = onOriginal.get("rulesVersion").asText();
        findingsOf.put(before, onOriginal.get("findings"));
        Files.writeString(rules.resolve(RULE), ruleThatFindsAnError());
        assertEquals(200, reload().status());
        JsonNode onChanged = checkGapped();
        String changedVersion = onChanged.get("rulesVersion").asText();
        findingsOf.put(changedVersion, onChanged.get("findings"));
        assertNotEquals(before, changedVersion);
        assertTrue(onOriginal.get("findings").toString().contains("\"ruleId\":\"PLAN-NUMBER-GAP\""), onOriginal.toString());
        assertNotEquals(onOriginal.get("findings"), onChanged.get("findings"), "the two rule bases find differently");
        Files.writeString(rules.resolve(RULE), original);
        assertEquals(before, json.readTree(reload().body()).get("rulesVersion").asText());

        // Now checks run without pause on four threads while the rules are swapped twice.
        Files.writeString(rules.resolve(RULE), ruleThatFindsAnError());
        List<JsonNode> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean reloading = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Http.Answer first;
        Http.Answer second;
        try {
            List<Future<?>> checkers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                checkers.add(pool.submit(() -> {
                    while (reloading.get()) {
                        answers.add(checkGapped());
                    }
                    return null;
                }));
            }
            first = reload();
            Files.writeString(rules.resolve(RULE), original);
            second = reload();
            reloading.set(false);
            for (Future<?> checker : checkers) {
                checker.get(); // a check that failed fails here
            }
        } finally {
            reloading.set(false);
            pool.shutdownNow();
        }
        assertEquals(200, first.status(), first.body());
        assertEquals(200, second.status(), second.body());
        assertEquals(changedVersion, json.readTree(first.body()).get("rulesVersion").asText(), "the same content, the same version");
        assertEquals(before, json.readTree(second.body()).get("rulesVersion").asText(), "back to the original content, back to its version");
        Set<String> versions = new HashSet<>();
        for (JsonNode answer : answers) {
            String version = answer.get("rulesVersion").asText();
            versions.add(version);
            assertTrue(findingsOf.containsKey(version), "each check on one rule base or the other: " + version);
            assertEquals(findingsOf.get(version), answer.get("findings"), "the findings of the rule base " + version + " names");
        }
        assertEquals(Set.of(before, changedVersion), versions, answers.size() + " checks ran on both rule bases");
    }
}
