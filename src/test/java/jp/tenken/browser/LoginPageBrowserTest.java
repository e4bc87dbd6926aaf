package jp.tenken.browser;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The login form of CONTRACT §7 in a real browser: the cookie a login leaves, the messages of a
 * refused login and of the lockout (5 failures of one name; this class keeps the default).
 */
@MicronautTest
class LoginPageBrowserTest {

    private static final String WRONG_PASSWORD = "not-the-password-0123";
    private static final String WRONG_PASSWORD_MESSAGE = "利用者名またはパスワードが違います。";
    private static final String LOCKED_MESSAGE =
            "ログインの失敗が続いたため、この利用者名はしばらくログインできません。15分ほど待ってからもう一度お試しください。";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @BeforeEach
    void freshBrowser() {
        browser.serve(server).logOut();
    }

    @Test
    void aLoginThroughTheFormLeavesAnHttpOnlySameSiteStrictJwtCookieThatTheApiAccepts() {
        String editor = TestUsers.editor(context);

        browser.logIn(editor);

        assertEquals("/", browser.currentPath(), "Micronaut's login-success redirect");
        Cookie jwt = browser.cookie("JWT").orElseThrow(() -> new AssertionError(
                "no JWT cookie after the login; cookies: " + browser.driver().manage().getCookies()));
        assertTrue(jwt.isHttpOnly(), "HttpOnly");
        assertEquals("Strict", jwt.getSameSite());
        assertFalse(jwt.isSecure(), "plain HTTP in tests (tenken.secure-cookies unset)");
        assertEquals(3, jwt.getValue().split("\\.").length, "a signed JWT: header.payload.signature");
        assertTrue(jwt.getExpiry() != null, "kept for the working day, not only for the browser session");
        // Page script cannot read it.
        assertFalse(String.valueOf(browser.driver().executeScript("return document.cookie;")).contains("JWT="));

        // The browser is now that user: the API answers it with the cookie alone.
        browser.open("/api/v1/me");
        String me = browser.driver().findElement(By.tagName("body")).getText();
        assertTrue(me.contains("\"username\":\"" + editor + "\""), me);
        assertTrue(me.contains("\"PLAN_EDITOR\""), me);

        // Logged out (no logout form on the pages yet: the cookies are forgotten), it has no login cookie.
        // An anonymous visit to /api is not checked in the browser: its 401 carries WWW-Authenticate
        // Basic, and Chromium then waits for the Basic login prompt, also for a page's fetch().
        browser.logOut();
        assertTrue(browser.cookie("JWT").isEmpty());
    }

    @Test
    void aWrongPasswordShowsTheJapaneseErrorAndLeavesNoCookie() throws Exception {
        String editor = TestUsers.editor(context);

        browser.logIn(editor, WRONG_PASSWORD);

        assertEquals("/login?error", browser.currentPath());
        assertEquals(WRONG_PASSWORD_MESSAGE, browser.text("[role=alert]"));
        assertTrue(browser.cookie("JWT").isEmpty(), "no login cookie after a refused login");
        // The form is there again, ready for another try, with the name as it was typed.
        browser.waitFor("form[action='/login'] input[name=username]");
        assertEquals(editor, browser.driver().findElement(By.cssSelector("input[name=username]")).getDomProperty("value"));
        assertEquals("", browser.driver().findElement(By.cssSelector("input[name=password]")).getDomProperty("value"));
        assertTrue(browser.domContentLoadedMillis() > 0);

        Path shot = browser.screenshot(Path.of("target", "browser", "login-error.png"));
        byte[] png = Files.readAllBytes(shot);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "a PNG");
        assertEquals(1366, pngWidth(png), "the window is 1366 wide");
    }

    @Test
    void afterFiveFailuresTheNameIsLockedEvenWithTheRightPassword() {
        String user = TestUsers.ensure(context, "locked-out", Set.of(Role.PLAN_EDITOR), TestUsers.ORGANIZATION, Set.of());

        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.logIn(user, WRONG_PASSWORD);
            assertEquals("/login?error", browser.currentPath(), "attempt " + attempt);
            assertEquals(WRONG_PASSWORD_MESSAGE, browser.text("[role=alert]"), "attempt " + attempt);
        }

        browser.logIn(user);

        assertEquals("/login?locked", browser.currentPath());
        assertEquals(LOCKED_MESSAGE, browser.text("[role=alert]"));
        assertTrue(browser.cookie("JWT").isEmpty(), "no login cookie for a locked name");
    }

    /** The width in an IHDR chunk: bytes 16–19 of a PNG, big-endian. */
    private static int pngWidth(byte[] png) {
        return ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
    }
}
