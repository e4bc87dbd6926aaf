package jp.tenken.browser;

import io.micronaut.runtime.server.EmbeddedServer;
import jp.tenken.TestUsers;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.CdpVersionFinder;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * One headless Chromium per test class, for the browser tests of the server-rendered UI
 * (CONTRACT §8). Register it on a {@code @MicronautTest} class as a static field and point it at
 * the test's server before each test:
 *
 * <pre>
 * &#64;MicronautTest
 * class SomePageBrowserTest {
 *     &#64;RegisterExtension
 *     static final Browser browser = new Browser();
 *
 *     &#64;Inject
 *     EmbeddedServer server;
 *
 *     &#64;BeforeEach
 *     void serve() {
 *         browser.serve(server);
 *     }
 * }
 * </pre>
 *
 * The browser starts before the class's first test and quits after its last one (about a second
 * each way), so tests of one class share it: each test should begin with {@link #logIn} or
 * {@link #logOut} rather than rely on what the previous one left. It is the Debian Chromium
 * ({@code /usr/bin/chromium}) driven by the Debian driver ({@code /usr/bin/chromedriver}), both
 * installed by scripts/test; nothing is downloaded at run time (Selenium Manager is not used).
 * The window is 1366×768, a common office laptop; headless Chromium keeps room for its (absent)
 * toolbars in that, so the page and the screenshots are 1366×625. It sends {@code Accept-Language: ja}.
 *
 * <p>Opening an {@code /api} address without a login in this browser hangs: the 401 carries
 * {@code WWW-Authenticate: Basic}, and Chromium waits for its Basic login prompt (a page's
 * {@code fetch()} of it too). Check anonymous API answers with the HTTP client instead.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long {@link #waitFor} and the login wait before failing the test. */
    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(25);

    private static final Logger LOG = LoggerFactory.getLogger(Browser.class);
    /**
     * Selenium warns at each start that it has no DevTools (CDP) classes for this Chromium version;
     * the tests use WebDriver only, so the warning is noise. Held here so that the level stays set.
     */
    private static final java.util.logging.Logger CDP_WARNINGS = java.util.logging.Logger.getLogger(CdpVersionFinder.class.getName());

    static {
        CDP_WARNINGS.setLevel(Level.SEVERE);
    }

    private ChromeDriver driver;
    private Path profile;
    private URI base;
    private long startMillis;
    private long startedAt;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        long started = System.nanoTime();
        profile = Files.createTempDirectory("tenken-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // as root in CI
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // Without these Chromium keeps dialling out, which a closed network refuses (STACK.md).
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--user-data-dir=" + profile,
                "--window-size=1366,768",
                "--lang=ja");
        // The Accept-Language the pages see: Japanese, as a city's staff browser sends.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
        startMillis = (System.nanoTime() - started) / 1_000_000;
        startedAt = System.nanoTime();
        LOG.info("Chromium {} started in {} ms for {}", driver.getCapabilities().getBrowserVersion(), startMillis,
                context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null) {
                long quitting = System.nanoTime();
                driver.quit();
                LOG.info("Chromium used for {} ms by {}, quit in {} ms", (quitting - startedAt) / 1_000_000,
                        context.getDisplayName(), (System.nanoTime() - quitting) / 1_000_000);
            }
        } finally {
            driver = null;
            deleteProfile();
        }
    }

    /** The server that {@link #open} and the login address paths on; call it before each test. */
    public Browser serve(EmbeddedServer server) {
        this.base = URI.create(server.getURL().toString());
        return this;
    }

    /** The WebDriver itself, for what the helpers do not cover. */
    public ChromeDriver driver() {
        return Objects.requireNonNull(driver, "the browser runs only between @BeforeAll and @AfterAll");
    }

    /** How long starting the browser took, in milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /** The absolute URL of a path (with its query) on the test server. */
    public String url(String pathAndQuery) {
        if (base == null) {
            throw new IllegalStateException("call browser.serve(server) first (in @BeforeEach)");
        }
        return base.resolve(pathAndQuery).toString();
    }

    /** Opens a path (with its query) of the test server and waits until the page has loaded. */
    public Browser open(String pathAndQuery) {
        driver().get(url(pathAndQuery));
        return this;
    }

    /** The path and query of the current page ({@code /login?error}). */
    public String currentPath() {
        URI current = URI.create(driver().getCurrentUrl());
        return current.getRawPath() + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery());
    }

    /**
     * Waits until the browser is at {@code expected} (path and query) and answers it, or fails
     * naming where it is. For a form sent with {@code WebElement.submit()}, which Selenium sends by
     * script and returns from before the next page has come.
     */
    public String waitForPath(String expected) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver(), WAIT).until(d -> expected.equals(currentPath()));
        } catch (org.openqa.selenium.TimeoutException e) {
            org.junit.jupiter.api.Assertions.assertEquals(expected, currentPath(), "the page did not come within " + WAIT);
        }
        return currentPath();
    }

    /** Logs in as a test user ({@link TestUsers#PASSWORD}) through the login form. */
    public Browser logIn(String username) {
        return logIn(username, TestUsers.PASSWORD);
    }

    /**
     * Opens /login, fills in the form and submits it, then waits for the page the server answers
     * with (the start page, or /login?error or /login?locked when the login is refused). The
     * outcome is for the test to check: {@link #currentPath()}, {@link #cookie}.
     */
    /**
     * The element has left the page (the page it was on was replaced). Selenium's own stalenessOf
     * asks the element whether it is enabled and expects "stale element reference" once it is gone;
     * Chromium 156 sometimes answers that request with "Node with given id does not belong to the
     * document" instead, which stalenessOf throws on, failing a test whose page did change.
     */
    public static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    public Browser logIn(String username, String password) {
        open("/login"); // get() returns once the page has loaded
        // Few WebDriver commands: each is a round trip to the driver, some 30-50 ms on a busy machine.
        WebElement name = driver().findElement(By.cssSelector("form[action='/login'] input[name=username]"));
        name.sendKeys(username);
        driver().findElement(By.cssSelector("form[action='/login'] input[name=password]")).sendKeys(password);
        driver().findElement(By.cssSelector("form[action='/login'] [type=submit]")).click();
        waiting().until(gone(name));
        return this;
    }

    /**
     * Logs out: submits the page's logout form (POST /logout) when the current page has one, else
     * forgets the server's cookies, which ends the login for this browser just as well.
     */
    public Browser logOut() {
        Optional<WebElement> form = driver().findElements(By.cssSelector("form[action='/logout']")).stream().findFirst();
        if (form.isPresent()) {
            form.get().submit();
            waiting().until(gone(form.get()));
        } else {
            if (driver().getCurrentUrl().startsWith("data:") || driver().getCurrentUrl().startsWith("about:")) {
                open("/login"); // cookies can be deleted only on a page of their site
            }
            driver().manage().deleteAllCookies();
        }
        return this;
    }

    /** A cookie of the test server, as the browser holds it (HttpOnly ones included). */
    public Optional<Cookie> cookie(String name) {
        return Optional.ofNullable(driver().manage().getCookieNamed(name));
    }

    /** Waits until an element matching the CSS selector is on the page and visible; answers it. */
    public WebElement waitFor(String css) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** The text of the first element matching the CSS selector, once it is visible. */
    public String text(String css) {
        return waitFor(css).getText();
    }

    /**
     * Makes the page area itself {@code width}×{@code height} CSS pixels at scale 1 (Chrome DevTools
     * {@code Emulation.setDeviceMetricsOverride}): the window of 1366×768 leaves headless Chromium a
     * page of 1366×625, and a screenshot meant to show what a 1366×768 screen shows needs the whole
     * 768. The page is laid out again at once; it lasts until {@link #resetScreen()} or the browser quits.
     */
    public Browser screen(int width, int height) {
        driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return this;
    }

    /** Back to the window's own page area (undoes {@link #screen}). */
    public Browser resetScreen() {
        driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        return this;
    }

    /** Saves a PNG of the visible part of the page at the path (its folders are created). */
    public Path screenshot(Path path) {
        File shot = driver().getScreenshotAs(OutputType.FILE);
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(shot.toPath(), path, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(shot.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    /**
     * The time from the start of the current page's navigation until its DOMContentLoaded handlers
     * finished, in milliseconds (Navigation Timing: {@code domContentLoadedEventEnd}).
     */
    public double domContentLoadedMillis() {
        Object value = ((JavascriptExecutor) driver()).executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                        + " return n ? n.domContentLoadedEventEnd - n.startTime : null;");
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("the current page has no navigation timing: " + driver().getCurrentUrl());
        }
        return number.doubleValue();
    }

    /** A wait of {@link #WAIT} that looks every 25 ms (Selenium's default of 500 ms adds most of that to each wait). */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver(), WAIT);
        wait.pollingEvery(POLL);
        return wait;
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the next boot clears it
        }
        profile = null;
    }
}
