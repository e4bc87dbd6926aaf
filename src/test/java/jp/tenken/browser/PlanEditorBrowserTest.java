package jp.tenken.browser;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan editor's journey in a real browser (CONTRACT §8): upload the city's action plan to check
 * it and read its findings, filter them, store it twice (the second time changed) and see what
 * changed between the versions; and the pages an editor may not see answer the 403 page. Two
 * organizations are registered: the city and a copy of it under another id (大磯町), whose plan the
 * city's editor may not open.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanEditorBrowserTest implements TestPropertyProvider {

    private static final String PLAN = "hiratsuka-dx-action-plan";
    private static final String OISO_PLAN = "oiso-plan";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path seeds = Files.createTempDirectory("tenken-editor-browser");
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

    @BeforeEach
    void freshBrowser() {
        browser.serve(server).logOut();
    }

    @Test
    void theEditorChecksTheActionPlanStoresTwoVersionsAndSeesWhatChanged() throws Exception {
        browser.logIn(TestUsers.editor(context));
        browser.driver().findElement(By.linkText("計画")).click();
        browser.waitFor("form.plan-upload");
        assertEquals("/plans", browser.currentPath());

        // 検査する: the findings of the city's plan, nothing stored.
        upload(Fixtures.DX_PLAN, "check-plan");
        assertTrue(browser.currentPath().startsWith("/plan-checks/"), browser.currentPath());
        browser.waitFor("table.plan-findings");
        assertTrue(browser.text("h1").contains("検査結果(保存されていません)"), browser.text("h1"));
        List<WebElement> rows = findings();
        assertEquals(19, rows.size(), "the findings of the seed plan (src/test/resources/seed-plan-findings)");
        WebElement unknown = browser.waitFor("[data-rule-id='PLAN-DEPARTMENT-UNKNOWN']");
        assertTrue(unknown.getText().contains("エラー"), unknown.getText());
        assertTrue(unknown.getText().contains("取組No.11"), unknown.getText());
        assertTrue(unknown.getText().contains("ナンタル推進率"), unknown.getText());
        assertTrue(browser.driver().findElements(By.cssSelector("table.plan-findings [data-rule-id]")).stream()
                .allMatch(r -> r.getText().contains("警告") || r.getText().contains("エラー") || r.getText().contains("情報")));

        // Filter by rule (GET, no script), then by an initiative's link.
        new Select(browser.driver().findElement(By.name("rule"))).selectByValue("PLAN-SHEET-TITLE-MISMATCH");
        browser.driver().findElement(By.cssSelector("form.plan-filter button[type=submit]")).click();
        browser.waitFor("table.plan-findings");
        assertTrue(browser.currentPath().contains("rule=PLAN-SHEET-TITLE-MISMATCH"), browser.currentPath());
        assertEquals(8, findings().size());
        assertTrue(findings().stream().allMatch(r -> "PLAN-SHEET-TITLE-MISMATCH".equals(r.getAttribute("data-rule-id"))));
        new Select(browser.driver().findElement(By.name("rule"))).selectByValue("");
        browser.driver().findElement(By.cssSelector("form.plan-filter button[type=submit]")).click();
        browser.waitFor("table.plan-findings");
        browser.driver().findElement(By.linkText("取組No.33 / 個票の取組名")).click();
        browser.waitFor(".plan-initiative");
        assertEquals(2, findings().size(), "initiative 33: its sheet's policy and title");
        new Select(browser.driver().findElement(By.name("severity"))).selectByValue("ERROR");
        browser.driver().findElement(By.cssSelector("form.plan-filter button[type=submit]")).click();
        browser.waitFor(".plan-initiative");
        assertTrue(browser.currentPath().contains("severity=ERROR") && browser.currentPath().contains("initiative=33"),
                "the initiative is kept when the severity is chosen: " + browser.currentPath());
        assertTrue(findings().stream().allMatch(r -> "ERROR".equals(r.getAttribute("data-severity"))
                && r.getText().contains("取組No.33")));

        // 保存する twice: the plan as published, then a changed copy.
        browser.open("/plans");
        upload(Fixtures.DX_PLAN, "store-plan");
        assertEquals("/plans/" + PLAN + "/versions/1?stored", browser.currentPath());
        assertEquals("第1版として保存しました。", browser.text("[role=status]"));
        assertEquals(19, findings().size());
        Path changed = Files.createTempDirectory("tenken-plan").resolve("hiratsuka-dx-action-plan-2024-2026-改定.yaml");
        Files.writeString(changed, Fixtures.dxPlanSecondVersion(), StandardCharsets.UTF_8);
        browser.open("/plans");
        upload(changed, "store-plan");
        assertEquals("/plans/" + PLAN + "/versions/2?stored", browser.currentPath());
        assertEquals(19, findings().size(), "two resolved, two added");

        // The stored plans, then its versions, then the comparison.
        browser.open("/plans");
        WebElement line = browser.waitFor("[data-plan-id='" + PLAN + "']");
        assertTrue(line.getText().contains("第2版"), line.getText());
        assertTrue(line.getText().contains(TestUsers.EDITOR), line.getText());
        line.findElement(By.tagName("a")).click();
        browser.waitFor("table.plan-versions");
        assertEquals(2, browser.driver().findElements(By.cssSelector("[data-version]")).size());
        browser.driver().findElement(By.cssSelector("[data-action=compare-versions]")).click();
        browser.waitFor("[data-testid=comparison-counts]");
        assertEquals("/plans/" + PLAN + "/compare?from=1&to=2", browser.currentPath());
        assertEquals("2", browser.text("[data-count=added]"));
        assertEquals("2", browser.text("[data-count=resolved]"));
        List<String> added = texts("tr[data-change=added]");
        List<String> resolved = texts("tr[data-change=resolved]");
        assertTrue(added.stream().anyMatch(t -> t.contains("PLAN-DEPARTMENT-UNKNOWN") && t.contains("取組No.1 ") && t.contains("存在しない課")),
                added.toString());
        assertTrue(resolved.stream().anyMatch(t -> t.contains("PLAN-DEPARTMENT-UNKNOWN") && t.contains("取組No.11")), resolved.toString());
        assertTrue(browser.domContentLoadedMillis() > 0);
        browser.screenshot(Path.of("target", "browser", "editor-compare.png"));
        browser.open("/plans/" + PLAN);
        browser.waitFor("table.plan-versions");
        browser.screenshot(Path.of("target", "browser", "editor-versions.png"));
        browser.open("/plans");
        browser.waitFor("form.plan-upload");
        browser.screenshot(Path.of("target", "browser", "editor-plans.png"));

        // The screenshot of the README: the first version's findings. It is written into
        // docs/screenshots only when asked (-Dtenken.update-screenshots), so that a test run leaves
        // the tracked files as they were.
        browser.open("/plans/" + PLAN + "/versions/1");
        browser.waitFor("table.plan-findings");
        Path shot = browser.screenshot(Path.of("target", "browser", "editor-findings.png"));
        if (System.getProperty("tenken.update-screenshots") != null) {
            Files.createDirectories(Path.of("docs", "screenshots"));
            Files.copy(shot, Path.of("docs", "screenshots", "editor-findings.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void theEditorIsRefusedTheOfficersFormAndAnotherOrganizationsPlan() {
        String oisoPlan = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"" + OISO_PLAN + "\"")
                .replace("\"organization\": \"hiratsuka\"", "\"organization\": \"oiso\"");
        Http.Answer stored = Http.sendAsAdmin(client, HttpRequest.POST("/api/v1/plans", oisoPlan).contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(201, stored.status(), stored.body());

        browser.logIn(TestUsers.editor(context));
        browser.open("/inspections/form?department=%E5%B8%82%E6%B0%91%E8%AA%B2&fiscalYear=2025");
        assertEquals("403", browser.waitFor("[data-error-status]").getAttribute("data-error-status"));
        assertEquals("この操作は許可されていません", browser.text("h1"));

        browser.open("/plans/" + OISO_PLAN);
        assertEquals("403", browser.waitFor("[data-error-status]").getAttribute("data-error-status"));
        browser.open("/plans/" + OISO_PLAN + "/versions/1");
        assertEquals("403", browser.waitFor("[data-error-status]").getAttribute("data-error-status"));
        browser.open("/plans/" + OISO_PLAN + "/compare?from=1&to=1");
        assertEquals("403", browser.waitFor("[data-error-status]").getAttribute("data-error-status"));

        browser.open("/plans");
        browser.waitFor("form.plan-upload");
        assertTrue(browser.driver().findElements(By.cssSelector("[data-plan-id='" + OISO_PLAN + "']")).isEmpty(),
                "another organization's plan is not listed");
        assertFalse(browser.driver().findElement(By.tagName("main")).getText().contains(OISO_PLAN));
    }

    @Test
    void aFileThatCannotBeReadComesBackWithWhatIsWrongAndStoresNothing() throws Exception {
        browser.logIn(TestUsers.editor(context));
        Path folder = Files.createTempDirectory("tenken-bad-plans");
        Path text = Files.writeString(folder.resolve("plan.txt"), "id: x\n");
        Path broken = Files.writeString(folder.resolve("broken.yaml"), "id: broken\ntitle: a: b\n");
        browser.open("/plans");
        upload(text, "store-plan", false);
        assertTrue(browser.text("[role=alert]").contains("JSON・YAML または Excel のファイル"), browser.text("[role=alert]"));
        upload(broken, "check-plan", false);
        assertTrue(browser.text("[role=alert]").contains("行目"), browser.text("[role=alert]"));
        assertTrue(browser.driver().findElements(By.cssSelector("[data-plan-id=broken]")).isEmpty());
        browser.open("/plans/" + PLAN + "/versions/1?severity=SEVERE");
        assertEquals("400", browser.waitFor("[data-error-status]").getAttribute("data-error-status"));
    }

    @Test
    void theEditorChecksThePlanAsAnExcelWorkbookAndSeesABadCellByItsAddress() throws Exception {
        browser.logIn(TestUsers.editor(context));
        Path folder = Files.createTempDirectory("tenken-plan-xlsx");
        Path workbook = Files.write(folder.resolve("アクションプラン.xlsx"), jp.tenken.plan.PlanWorkbooks.export(Fixtures.DX_PLAN));
        browser.open("/plans");
        assertFalse(browser.driver().findElements(By.cssSelector("[data-action=download-plan-template]")).isEmpty(), "the template's link");
        upload(workbook, "check-plan");
        browser.waitFor("table.plan-findings");
        assertEquals(19, findings().size(), "the findings of the seed plan, as from its YAML");
        Path bad = Files.write(folder.resolve("bad.xlsx"), jp.tenken.plan.PlanWorkbooks.edited(Files.readAllBytes(workbook),
                book -> jp.tenken.plan.PlanWorkbooks.set(book, "取組一覧!A3", "二")));
        browser.open("/plans");
        upload(bad, "check-plan", false);
        assertTrue(browser.text("[role=alert]").contains("取組一覧!A3: 整数で指定してください"), browser.text("[role=alert]"));
    }

    private void upload(Path file, String action) {
        upload(file, action, true);
    }

    /** Chooses the file in the upload form and presses the button of {@code action} (check-plan, store-plan). */
    private void upload(Path file, String action, boolean accepted) {
        WebElement input = browser.waitFor("form.plan-upload input[type=file]");
        input.sendKeys(file.toAbsolutePath().toString());
        WebElement button = browser.driver().findElement(By.cssSelector("[data-action=" + action + "]"));
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Browser.WAIT)
                .until(Browser.gone(button));
        if (accepted) {
            assertFalse(browser.currentPath().endsWith("/plans"), "the upload was refused: "
                    + browser.driver().findElements(By.cssSelector("[role=alert]")).stream().map(WebElement::getText).toList());
        }
    }

    private List<WebElement> findings() {
        return browser.driver().findElements(By.cssSelector("table.plan-findings tr[data-rule-id]"));
    }

    private List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
