package jp.tenken.account;

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
import jp.tenken.TestUsers;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The users API and /me of CONTRACT §7 over HTTP with Basic credentials. Two organizations are
 * registered: the city and a copy of it under another id (oiso), each with an ADMIN of its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersEndpointTest implements TestPropertyProvider {

    private static final String HIRA_ADMIN = "hira-admin";
    private static final String OISO_ADMIN = "oiso-admin";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    @Inject
    ActivityLog activity;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path seeds = Files.createTempDirectory("tenken-users");
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

    @BeforeAll
    void users() {
        TestUsers.ensure(context, HIRA_ADMIN, Set.of(Role.ADMIN), "hiratsuka", Set.of());
        TestUsers.ensure(context, OISO_ADMIN, Set.of(Role.ADMIN), "oiso", Set.of());
        TestUsers.editor(context);
        TestUsers.auditor(context);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid body for a Hiratsuka security officer of 市民課; entries of {@code changes} replace or (null) remove fields. */
    private static Map<String, Object> officer(String username, Object... changes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "点検 太郎");
        body.put("email", "taro@example.jp");
        body.put("password", "officer-password-1");
        body.put("roles", List.of("SECURITY_OFFICER"));
        body.put("organization", "hiratsuka");
        body.put("departments", List.of("市民課"));
        for (int i = 0; i + 1 < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                body.remove((String) changes[i]);
            } else {
                body.put((String) changes[i], changes[i + 1]);
            }
        }
        return body;
    }

    private MutableHttpRequest<byte[]> withBody(MutableHttpRequest<?> request, Object body) {
        try {
            byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
            return request.body(bytes).contentType(MediaType.APPLICATION_JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Http.Answer send(String as, String password, MutableHttpRequest<?> request) {
        return Http.send(client, request.basicAuth(as, password));
    }

    private Http.Answer send(String as, MutableHttpRequest<?> request) {
        return send(as, TestUsers.PASSWORD, request);
    }

    private Http.Answer post(String as, Object body) {
        return send(as, withBody(HttpRequest.POST("/api/v1/users", ""), body));
    }

    private Http.Answer put(String as, String username, Object body) {
        return send(as, withBody(HttpRequest.PUT("/api/v1/users/" + username, ""), body));
    }

    private Http.Answer get(String as, String path) {
        return send(as, HttpRequest.GET(path));
    }

    private JsonNode read(Http.Answer answer) {
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> paths(Http.Answer answer) {
        List<String> paths = new ArrayList<>();
        read(answer).get("violations").forEach(v -> paths.add(v.get("path").asText()));
        return paths;
    }

    private static final Set<ActivityAction> USER_WRITES =
            Set.of(ActivityAction.USER_CREATED, ActivityAction.USER_UPDATED, ActivityAction.PASSWORD_CHANGED);

    /** The entries of writes on this user, newest first (failed logins with its name left out). */
    private List<ActivityEntry> entriesAbout(String username) {
        return activity.list(ActivityQuery.newest().withLimit(ActivityQuery.MAX_LIMIT)).stream()
                .filter(e -> USER_WRITES.contains(e.action()) && username.equals(e.target().get("username")))
                .toList();
    }

    @Test
    void anAdminCreatesAUserShownWithoutPasswordWhoCanThenLogIn() {
        String name = unique("officer");
        Http.Answer created = post(TestUsers.ADMIN, officer(name, "departments", List.of("市民課", "平塚市中央図書館")));
        assertEquals(201, created.status(), created.body());
        JsonNode user = read(created);
        assertEquals(name, user.get("username").asText());
        assertEquals("点検 太郎", user.get("displayName").asText());
        assertEquals("taro@example.jp", user.get("email").asText());
        assertEquals("[\"SECURITY_OFFICER\"]", user.get("roles").toString());
        assertEquals("hiratsuka", user.get("organization").asText());
        assertEquals("[\"中央図書館\",\"市民課\"]", user.get("departments").toString(), "an alias is kept as the unit's name");
        assertTrue(user.get("enabled").asBoolean());
        assertFalse(created.body().contains("officer-password-1"), created.body());
        user.fieldNames().forEachRemaining(field -> assertFalse(field.toLowerCase().contains("password")
                || field.toLowerCase().contains("hash"), field));

        assertEquals(user, read(get(TestUsers.ADMIN, "/api/v1/users/" + name)));
        Http.Answer me = send(name, "officer-password-1", HttpRequest.GET("/api/v1/me"));
        assertEquals(200, me.status(), me.body());
        assertEquals(user, read(me));

        List<ActivityEntry> entries = entriesAbout(name);
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(ActivityAction.USER_CREATED, entries.get(0).action());
        assertEquals(TestUsers.ADMIN, entries.get(0).user());
        assertEquals("hiratsuka", entries.get(0).organization());
        assertEquals(Map.of("username", name), entries.get(0).target());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "username     | \"ab\"                          | username",
            "username     | \"taro yamada\"                 | username",
            "username     | \"山田\"                         | username",
            "password     | \"short-pass\"                  | password",
            "password     |                                 | password",
            "displayName  | \"  \"                          | displayName",
            "displayName  |                                 | displayName",
            "email        | \"not-an-address\"              | email",
            "roles        | []                              | roles",
            "roles        | [\"ROOT\"]                      | roles[0]",
            "roles        | [null]                          | roles[0]",
            "organization |                                 | organization",
            "organization | \"\"                            | organization",
            "departments  | []                              | departments",
            "departments  |                                 | departments",
            "enabled      | \"yes\"                         | enabled",
    })
    void aBadFieldIs400NamingItAndStoresNothing(String field, String value, String path) throws Exception {
        String name = unique("bad");
        Map<String, Object> body = officer(name);
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, json.readTree(value));
        }
        if (field.equals("username")) {
            name = null;
        }
        Http.Answer refused = post(TestUsers.ADMIN, body);
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of(path), paths(refused), refused.body());
        assertEquals("invalid_document", read(refused).get("code").asText());
        if (name != null) {
            assertEquals(404, get(TestUsers.ADMIN, "/api/v1/users/" + name).status(), "nothing stored");
            assertEquals(List.of(), entriesAbout(name));
        }
    }

    @Test
    void everyBadFieldIsNamedAtOnceInTheReadersLanguage() {
        Http.Answer refused = send(TestUsers.ADMIN, withBody(HttpRequest.POST("/api/v1/users", ""),
                officer("x", "password", "short", "email", "no", "departments", List.of())).header("Accept-Language", "en"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("username", "password", "email", "departments"), paths(refused));
        assertTrue(refused.body().contains("at least 12 characters"), refused.body());
    }

    @Test
    void anAdminOfAllOrganizationsNeedsNoOrganizationAndOthersDo() {
        String root = unique("root");
        Http.Answer created = post(TestUsers.ADMIN, officer(root, "roles", List.of("ADMIN"), "organization", null,
                "departments", null));
        assertEquals(201, created.status(), created.body());
        assertTrue(read(created).get("organization").isNull());
        Http.Answer editor = post(TestUsers.ADMIN, officer(unique("ed"), "roles", List.of("PLAN_EDITOR"), "organization", null,
                "departments", null));
        assertEquals(400, editor.status(), editor.body());
        assertEquals(List.of("organization"), paths(editor));
    }

    @Test
    void aTakenNameIs409AndTheFirstUserKept() {
        String name = unique("twice");
        assertEquals(201, post(TestUsers.ADMIN, officer(name)).status());
        Http.Answer again = post(TestUsers.ADMIN, officer(name, "displayName", "別人", "roles", List.of("ADMIN")));
        assertEquals(409, again.status(), again.body());
        assertEquals("username_taken", read(again).get("code").asText());
        assertEquals(List.of("username"), paths(again));
        assertEquals("ユーザー名「" + name + "」はすでに使われています", read(again).get("message").asText());
        assertEquals("点検 太郎", read(get(TestUsers.ADMIN, "/api/v1/users/" + name)).get("displayName").asText());
        assertEquals(1, entriesAbout(name).size(), "the refused create left no entry");
        assertEquals(409, post(TestUsers.ADMIN, officer(TestUsers.ADMIN)).status());
    }

    @Test
    void anUnknownOrganizationOrAnUnknownOrGroupDepartmentIs422() {
        Http.Answer organization = post(TestUsers.ADMIN, officer(unique("u"), "organization", "atlantis"));
        assertEquals(422, organization.status(), organization.body());
        assertEquals(List.of("organization"), paths(organization));
        Http.Answer unknown = post(TestUsers.ADMIN, officer(unique("u"), "departments", List.of("市民課", "存在しない課")));
        assertEquals(422, unknown.status(), unknown.body());
        assertEquals(List.of("departments[1]"), paths(unknown));
        Http.Answer group = post(TestUsers.ADMIN, officer(unique("u"), "departments", List.of("庁内各課")));
        assertEquals(422, group.status(), group.body());
        assertEquals(List.of("departments[0]"), paths(group));
    }

    @Test
    void aUserWithoutAdministerIsRefused403WhateverItSends() {
        for (String as : List.of(TestUsers.EDITOR, TestUsers.AUDITOR)) {
            Http.Answer create = post(as, officer(unique("by-" + as)));
            assertEquals(403, create.status(), create.body());
            assertEquals("forbidden", read(create).get("code").asText());
            assertTrue(read(create).get("message").asText().contains("ADMINISTER"), create.body());
            assertEquals(403, post(as, "{not json").status(), "refused before the body is read");
            assertEquals(403, get(as, "/api/v1/users").status());
            assertEquals(403, get(as, "/api/v1/users/" + TestUsers.ADMIN).status());
            assertEquals(403, put(as, as, officer(as, "roles", List.of("ADMIN"))).status());
        }
        assertEquals("[\"PLAN_EDITOR\"]", read(get(TestUsers.EDITOR, "/api/v1/me")).get("roles").toString());
    }

    @Test
    void anAdminOfOneOrganizationManagesOnlyItsUsers() {
        Http.Answer other = post(HIRA_ADMIN, officer(unique("o"), "organization", "oiso"));
        assertEquals(403, other.status(), other.body());
        Http.Answer all = post(HIRA_ADMIN, officer(unique("o"), "roles", List.of("ADMIN"), "organization", null,
                "departments", null));
        assertEquals(403, all.status(), "no ADMIN of all organizations from an ADMIN of one");
        String own = unique("own");
        assertEquals(201, post(HIRA_ADMIN, officer(own)).status());

        List<String> seen = new ArrayList<>();
        read(get(HIRA_ADMIN, "/api/v1/users")).forEach(u -> seen.add(u.get("username").asText()));
        assertTrue(seen.contains(own) && seen.contains(HIRA_ADMIN) && seen.contains(TestUsers.EDITOR), seen.toString());
        assertFalse(seen.contains(OISO_ADMIN) || seen.contains(TestUsers.ADMIN), seen.toString());
        List<String> everyone = new ArrayList<>();
        read(get(TestUsers.ADMIN, "/api/v1/users")).forEach(u -> everyone.add(u.get("username").asText()));
        assertTrue(everyone.containsAll(List.of(own, HIRA_ADMIN, OISO_ADMIN, TestUsers.ADMIN)), everyone.toString());

        assertEquals(403, get(HIRA_ADMIN, "/api/v1/users/" + OISO_ADMIN).status());
        assertEquals(403, get(HIRA_ADMIN, "/api/v1/users/" + TestUsers.ADMIN).status());
        assertEquals(403, put(HIRA_ADMIN, OISO_ADMIN, officer(OISO_ADMIN, "organization", "oiso")).status());
        Http.Answer move = put(HIRA_ADMIN, own, officer(own, "organization", "oiso"));
        assertEquals(403, move.status(), "a user is not moved to an organization beyond the caller");
        assertEquals("hiratsuka", read(get(HIRA_ADMIN, "/api/v1/users/" + own)).get("organization").asText());
    }

    @Test
    void aMissingUserIs404() {
        Http.Answer missing = get(TestUsers.ADMIN, "/api/v1/users/nobody-here");
        assertEquals(404, missing.status(), missing.body());
        assertEquals("not_found", read(missing).get("code").asText());
        assertEquals(404, put(TestUsers.ADMIN, "nobody-here", officer("nobody-here")).status());
        assertEquals(List.of(), entriesAbout("nobody-here"));
    }

    @Test
    void anUpdateReplacesTheFieldsKeepsThePasswordAndIsRecorded() {
        String name = unique("upd");
        assertEquals(201, post(TestUsers.ADMIN, officer(name)).status());
        Map<String, Object> body = officer(name, "password", null, "displayName", "変更 後", "roles",
                List.of("AUDITOR", "SECURITY_OFFICER"), "departments", List.of("保育課"));
        Http.Answer updated = put(TestUsers.ADMIN, name, body);
        assertEquals(200, updated.status(), updated.body());
        assertEquals("変更 後", read(updated).get("displayName").asText());
        assertEquals("[\"SECURITY_OFFICER\",\"AUDITOR\"]", read(updated).get("roles").toString());
        assertEquals("[\"保育課\"]", read(updated).get("departments").toString());
        assertEquals(read(updated), read(get(TestUsers.ADMIN, "/api/v1/users/" + name)));
        assertEquals(200, send(name, "officer-password-1", HttpRequest.GET("/api/v1/me")).status(), "the password is kept");

        ActivityEntry entry = entriesAbout(name).get(0);
        assertEquals(ActivityAction.USER_UPDATED, entry.action());
        assertEquals(TestUsers.ADMIN, entry.user());
        assertEquals(Map.of("username", name, "changed", List.of("displayName", "roles", "departments")), entry.target());

        Http.Answer renamed = put(TestUsers.ADMIN, name, officer("another-name"));
        assertEquals(400, renamed.status());
        assertEquals(List.of("username"), paths(renamed));
        Http.Answer shortPassword = put(TestUsers.ADMIN, name, officer(name, "password", "short"));
        assertEquals(List.of("password"), paths(shortPassword));
    }

    @Test
    void aNewPasswordOrDisablingStopsTheOldCredentialsAtOnce() {
        String name = unique("cut");
        assertEquals(201, post(TestUsers.ADMIN, officer(name)).status());
        assertEquals(200, send(name, "officer-password-1", HttpRequest.GET("/api/v1/me")).status());
        Instant before = context.getBean(UserStore.class).credentialsChangedAt(name).orElseThrow();

        Http.Answer reset = put(TestUsers.ADMIN, name, officer(name, "password", "officer-password-2"));
        assertEquals(200, reset.status(), reset.body());
        assertEquals(401, send(name, "officer-password-1", HttpRequest.GET("/api/v1/me")).status());
        assertEquals(200, send(name, "officer-password-2", HttpRequest.GET("/api/v1/me")).status());
        Instant reset1 = context.getBean(UserStore.class).credentialsChangedAt(name).orElseThrow();
        assertTrue(reset1.isAfter(before));
        assertEquals(List.of(ActivityAction.PASSWORD_CHANGED, ActivityAction.USER_UPDATED),
                entriesAbout(name).subList(0, 2).stream().map(ActivityEntry::action).toList());

        Http.Answer disabled = put(TestUsers.ADMIN, name, officer(name, "password", null, "enabled", false));
        assertEquals(200, disabled.status(), disabled.body());
        assertFalse(read(disabled).get("enabled").asBoolean());
        assertEquals(401, send(name, "officer-password-2", HttpRequest.GET("/api/v1/me")).status());
        assertTrue(context.getBean(UserStore.class).credentialsChangedAt(name).orElseThrow().isAfter(reset1));

        Http.Answer enabled = put(TestUsers.ADMIN, name, officer(name, "password", null, "enabled", true));
        assertEquals(200, enabled.status(), enabled.body());
        assertEquals(200, send(name, "officer-password-2", HttpRequest.GET("/api/v1/me")).status());
    }

    @Test
    void anAdminCannotDisableItselfNorDropItsOwnAdminRole() {
        Map<String, Object> self = officer(HIRA_ADMIN, "password", null, "roles", List.of("ADMIN"), "departments", List.of(),
                "displayName", HIRA_ADMIN, "email", HIRA_ADMIN + "@example.jp");
        Map<String, Object> disable = new LinkedHashMap<>(self);
        disable.put("enabled", false);
        Http.Answer refused = put(HIRA_ADMIN, HIRA_ADMIN, disable);
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("enabled"), paths(refused));
        Map<String, Object> demote = new LinkedHashMap<>(self);
        demote.put("roles", List.of("AUDITOR"));
        assertEquals(List.of("roles"), paths(put(HIRA_ADMIN, HIRA_ADMIN, demote)));
        assertEquals(200, get(HIRA_ADMIN, "/api/v1/me").status());
        assertEquals("[\"ADMIN\"]", read(get(HIRA_ADMIN, "/api/v1/me")).get("roles").toString());
    }

    @Test
    void meIsTheCallerItself() {
        Http.Answer me = get(TestUsers.AUDITOR, "/api/v1/me");
        assertEquals(200, me.status(), me.body());
        assertEquals(TestUsers.AUDITOR, read(me).get("username").asText());
        assertEquals("hiratsuka", read(me).get("organization").asText());
        assertFalse(me.body().toLowerCase().contains("hash") || me.body().contains(TestUsers.PASSWORD), me.body());
        assertEquals(401, Http.send(client, HttpRequest.GET("/api/v1/me")).status());
    }

    @Test
    void aUserChangesItsOwnPassword() {
        String name = unique("self");
        assertEquals(201, post(TestUsers.ADMIN, officer(name)).status());
        Http.Answer wrong = send(name, "officer-password-1", withBody(HttpRequest.POST("/api/v1/me/password", ""),
                Map.of("currentPassword", "not-my-password", "newPassword", "officer-password-9")));
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals(List.of("currentPassword"), paths(wrong));
        Http.Answer tooShort = send(name, "officer-password-1", withBody(HttpRequest.POST("/api/v1/me/password", ""),
                Map.of("currentPassword", "officer-password-1", "newPassword", "short")));
        assertEquals(400, tooShort.status(), tooShort.body());
        assertEquals(List.of("newPassword"), paths(tooShort));
        Http.Answer missing = send(name, "officer-password-1", withBody(HttpRequest.POST("/api/v1/me/password", ""),
                Map.of("newPassword", "officer-password-9")));
        assertEquals(List.of("currentPassword"), paths(missing));
        assertEquals(200, send(name, "officer-password-1", HttpRequest.GET("/api/v1/me")).status(), "still the old one");
        assertEquals(List.of(ActivityAction.USER_CREATED), entriesAbout(name).stream().map(ActivityEntry::action).toList(),
                "refused changes leave no entry");

        Http.Answer changed = send(name, "officer-password-1", withBody(HttpRequest.POST("/api/v1/me/password", ""),
                Map.of("currentPassword", "officer-password-1", "newPassword", "officer-password-9")));
        assertEquals(204, changed.status(), changed.body());
        assertEquals(401, send(name, "officer-password-1", HttpRequest.GET("/api/v1/me")).status());
        assertEquals(200, send(name, "officer-password-9", HttpRequest.GET("/api/v1/me")).status());
        ActivityEntry entry = entriesAbout(name).get(0);
        assertEquals(ActivityAction.PASSWORD_CHANGED, entry.action());
        assertEquals(name, entry.user());
        assertEquals("hiratsuka", entry.organization());
        assertNotNull(entry.at());
    }
}
