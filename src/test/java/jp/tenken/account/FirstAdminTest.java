package jp.tenken.account;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first start creates the admin; later starts on the same H2 files change nothing. */
class FirstAdminTest {

    @TempDir
    Path dataDir;

    /** Keeps what the service would print on the console. */
    static final class CapturedNotice implements AdminPasswordNotice {
        final List<String> lines = new ArrayList<>();

        @Override
        public void show(String line) {
            lines.add(line);
        }
    }

    private ApplicationContext start(CapturedNotice notice, String adminPassword) {
        Map<String, Object> properties = new HashMap<>();
        // An empty URL selects the embedded H2 files under tenken.data-dir, as in production.
        properties.put("tenken.data-dir", dataDir.toString());
        properties.put("datasources.default.url", "");
        // Empty means none: it overrides the password application-test.yml gives every test service.
        properties.put("tenken.admin-password", adminPassword == null ? "" : adminPassword);
        return ApplicationContext.builder().properties(properties).singletons(notice).start();
    }

    private static void assertAdminOfAllOrganizations(Account admin) {
        assertEquals("admin", admin.username());
        assertEquals(Set.of(Role.ADMIN), admin.roles());
        assertNull(admin.organization());
        assertTrue(admin.enabled());
    }

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedAndShownOnce() {
        CapturedNotice first = new CapturedNotice();
        String password;
        String hash;
        try (ApplicationContext context = start(first, null)) {
            UserStore users = context.getBean(UserStore.class);
            assertEquals(1, first.lines.size(), "shown exactly once");
            String line = first.lines.get(0);
            assertTrue(line.contains("一度だけ") && line.contains("once"), line);
            password = line.substring(line.lastIndexOf(": ") + 2);
            assertTrue(password.length() >= 20, password);
            assertEquals(1, users.count());
            assertAdminOfAllOrganizations(users.find("admin").orElseThrow());
            hash = users.passwordHash("admin").orElseThrow();
            assertTrue(context.getBean(PasswordHasher.class).verify(password, hash));
            assertFalse(hash.contains(password));
        }
        CapturedNotice second = new CapturedNotice();
        try (ApplicationContext context = start(second, null)) {
            UserStore users = context.getBean(UserStore.class);
            assertEquals(List.of(), second.lines, "a later start shows nothing");
            assertEquals(1, users.count());
            assertEquals(hash, users.passwordHash("admin").orElseThrow(), "a later start changes nothing");
        }
    }

    @Test
    void aConfiguredPasswordIsUsedAndNotShown() {
        CapturedNotice first = new CapturedNotice();
        String hash;
        try (ApplicationContext context = start(first, "kanri-sha 2026 pass")) {
            UserStore users = context.getBean(UserStore.class);
            assertEquals(List.of(), first.lines);
            assertAdminOfAllOrganizations(users.find("admin").orElseThrow());
            hash = users.passwordHash("admin").orElseThrow();
            assertTrue(context.getBean(PasswordHasher.class).verify("kanri-sha 2026 pass", hash));
        }
        // Another password configured later does not replace the first.
        try (ApplicationContext context = start(new CapturedNotice(), "a different password")) {
            UserStore users = context.getBean(UserStore.class);
            assertEquals(1, users.count());
            assertEquals(hash, users.passwordHash("admin").orElseThrow());
        }
    }

    @Test
    void aConfiguredPasswordTooShortStopsTheStart() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> start(new CapturedNotice(), "short").close());
        assertTrue(causes(e).contains("tenken.admin-password"), causes(e));
    }

    @Test
    void theGeneratedPasswordsAreLongAndDiffer() {
        String a = FirstAdmin.generatePassword();
        String b = FirstAdmin.generatePassword();
        assertTrue(a.length() >= 20);
        assertFalse(a.equals(b));
        assertEquals(java.util.Optional.empty(), AccountFields.password(a));
    }

    private static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
