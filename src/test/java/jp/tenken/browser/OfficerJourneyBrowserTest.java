package jp.tenken.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.inspection.InspectionDraftService;
import jp.tenken.inspection.InspectionService;
import jp.tenken.inspection.StoredInspection;
import jp.tenken.inspection.Submissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 point 6 in a real headless Chromium: a security officer of 市民課 logs in, opens the
 * FY2025 form from the home page, answers all the items a department answers by clicking and typing (the answers of
 * docs/examples/inspection-shimin-2025.yaml), saves a draft, logs out and in, finds every value as
 * left, submits and sees the status and the findings beside their items, and the home page then
 * says 提出済み. Besides: a gate answered いいえ greys its dependants and sets them to 該当なし;
 * another department's form is a Japanese 403 page; a form posted without its CSRF token is
 * refused and stores nothing; a remediation typed as {@code <script>} comes back as text and never runs. It also saves the README's screenshots (docs/screenshots, a
 * 1366×768 page area) and prints the form's DOMContentLoaded time.
 *
 * <p>The service's clock is 15 October 2025 (JST), within fiscal year 2025, so the home page's
 * link leads to the FY2025 form the example answers.
 */
@MicronautTest
class OfficerJourneyBrowserTest {

    private static final String DEPARTMENT = "市民課";
    private static final Path EXAMPLE = Path.of("docs", "examples", "inspection-shimin-2025.yaml");
    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");
    private static final Instant NOW = Instant.parse("2025-10-15T01:00:00Z");

    @RegisterExtension
    static final Browser browser = new Browser();

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Inject
    InspectionDraftService drafts;

    @Inject
    InspectionService inspections;

    @MockBean(Clock.class)
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @BeforeEach
    void freshBrowser() {
        browser.serve(server).logOut();
    }

    /** The items on the form, and those a department answers (all but the organization-level ones). */
    private static final int ON_PAGE = jp.tenken.inspection.Submissions.CHECKLIST.items().size();
    private static final int ASKED = (int) jp.tenken.inspection.Submissions.CHECKLIST.items().stream()
            .filter(i -> !i.organizationLevel()).count();

    /** One item's answer as the example gives it; empty strings for nothing. */
    private record Expected(String itemId, String answer, String value, String evidence, String action, String due) {
        boolean needsRemediation() {
            return !action.isEmpty() || !due.isEmpty();
        }
    }

    @Test
    void theOfficerFillsTheWholeFormSavesADraftComesBackToItAndSubmits() throws Exception {
        List<Expected> example = example();
        assertEquals(ASKED, example.size(), "the example answers every item a department answers (not the organization-level ones)");
        String officer = TestUsers.officer(context, "shimin-officer", DEPARTMENT);

        browser.logIn(officer);
        assertEquals("/", browser.currentPath());
        assertEquals("未提出", browser.text("[data-department='市民課'] td"));
        openFormFromHome();
        assertEquals("/inspections/form?department=%E5%B8%82%E6%B0%91%E8%AA%B2&fiscalYear=2025", browser.currentPath());
        System.out.printf("DOMContentLoaded of the " + ON_PAGE + "-item form (opened from the home page): %.1f ms%n",
                browser.domContentLoadedMillis());
        printReloadTimes();

        long filling = System.nanoTime();
        for (Expected e : example) {
            fill(e);
        }
        System.out.printf("Filled " + ASKED + " items in %d ms%n", (System.nanoTime() - filling) / 1_000_000);
        assertEquals(ASKED + " / " + ASKED, browser.text("[data-progress=all]"), "the script's progress count (organization-level items are not counted)");
        assertFormShows(example);

        browser.screen(1366, 768);
        try {
            browser.driver().executeScript("window.scrollTo(0, 0)");
            browser.screenshot(SCREENSHOTS.resolve("inspection-form.png"));
        } finally {
            browser.resetScreen();
        }

        click("[data-action=save-draft]");
        assertEquals("下書きを保存しました。", browser.text("p.notice"));
        assertTrue(drafts.find(TestUsers.adminCaller(), TestUsers.ORGANIZATION, DEPARTMENT, 2025).isPresent());
        assertTrue(inspections.current(TestUsers.adminCaller(), TestUsers.ORGANIZATION, 2025, DEPARTMENT).isEmpty(),
                "a draft is not a submission");

        // The header's logout button, then a new login: the draft comes back exactly as left.
        click("header [data-action=logout]");
        assertEquals("/login", browser.currentPath());
        assertTrue(browser.cookie("JWT").isEmpty(), "logged out");
        browser.logIn(officer);
        assertEquals("未提出", browser.text("[data-department='市民課'] td"), "a draft does not count as submitted");
        openFormFromHome();
        assertTrue(browser.text("p.notice").startsWith("下書き(" + officer + " が "), browser.text("p.notice"));
        assertFormShows(example);
        assertEquals(ASKED + " / " + ASKED, browser.text("[data-progress=all]"));

        click("[data-action=submit-inspection]");
        WebElement status = browser.waitFor("[data-status]");
        List<StoredInspection> stored = inspections.current(TestUsers.adminCaller(), TestUsers.ORGANIZATION, 2025, DEPARTMENT);
        assertEquals(1, stored.size(), "submitted once");
        assertEquals(stored.get(0).status().name(), status.getAttribute("data-status"));
        assertEquals("NON_COMPLIANT", status.getAttribute("data-status"),
                "the example (as check-inspection reports it): HUM-04 below its threshold is an error");
        assertEquals(officer, stored.get(0).submittedBy());
        assertEquals(ASKED, stored.get(0).submission().answers().size());
        // The submitted view offers the printable report and the workbook, fetched with the login's cookie.
        String pdfHref = browser.waitFor("[data-action=download-pdf]").getAttribute("href");
        assertTrue(pdfHref.endsWith("/api/v1/inspections/" + stored.get(0).id() + "?format=pdf"), pdfHref);
        assertEquals("200 application/pdf", fetchType(pdfHref));
        assertEquals("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                fetchType(browser.waitFor("[data-action=download-xlsx]").getAttribute("href")));
        // Each finding about an item is shown inside that item's element.
        List<WebElement> beside = browser.driver().findElements(By.cssSelector("[data-item-id] [data-rule-id]"));
        assertFalse(beside.isEmpty(), "a finding beside its item");
        for (var finding : stored.get(0).findings()) {
            if (finding.target().itemId() != null) {
                String css = "[data-item-id='" + finding.target().itemId() + "'] [data-rule-id='" + finding.ruleId() + "']";
                assertFalse(browser.driver().findElements(By.cssSelector(css)).isEmpty(), "shown beside its item: " + css);
            }
        }
        System.out.println("Findings of the submission: " + stored.get(0).findings().stream()
                .map(f -> f.ruleId() + "@" + f.target().itemId()).toList());

        browser.screen(1366, 768);
        try {
            browser.driver().executeScript("window.scrollTo(0, 0)");
            browser.screenshot(SCREENSHOTS.resolve("inspection-submitted.png"));

            browser.open("/");
            WebElement row = browser.waitFor("[data-department='市民課']");
            assertEquals("提出済み", row.findElement(By.cssSelector("td")).getText());
            assertEquals(stored.get(0).status().name(), row.findElement(By.cssSelector("[data-status]")).getAttribute("data-status"));
            browser.screenshot(SCREENSHOTS.resolve("officer-home.png"));
        } finally {
            browser.resetScreen();
        }
    }

    @Test
    void aGateAnsweredNoGreysItsDependantsAndSetsThemToNotApplicable() {
        String officer = TestUsers.officer(context, "shimin-gate", DEPARTMENT);
        browser.logIn(officer).open("/inspections/form?department=市民課&fiscalYear=2024");
        List<String> dependants = Submissions.CHECKLIST.items().stream()
                .filter(i -> "RES-01".equals(i.dependsOn())).map(ChecklistItem::id).toList();
        assertFalse(dependants.isEmpty());
        for (String id : dependants) {
            assertFalse(gated(id), id + " open before the gate is answered");
        }

        click("[data-item-id='RES-01'] input[value=NO]");

        for (String id : dependants) {
            WebElement item = item(id);
            assertTrue(gated(id), id + " greyed (class gated)");
            WebElement na = item.findElement(By.cssSelector("input[type=radio][value=NA]"));
            assertTrue(na.isSelected(), id + " set to 該当なし");
            for (WebElement radio : item.findElements(By.cssSelector(".controls input"))) {
                assertFalse(radio.isEnabled(), id + ": its answer controls are disabled");
            }
        }
        // いいえ needs a remediation: its fields appear.
        assertTrue(browser.waitFor("[data-item-id='RES-01'] [data-field=remediation-action]").isDisplayed());

        click("[data-item-id='RES-01'] input[value=YES]");
        for (String id : dependants) {
            assertFalse(gated(id), id + " open again after はい");
            assertTrue(item(id).findElement(By.cssSelector("input[type=radio][value=YES]")).isEnabled());
        }
    }

    @Test
    void anotherDepartmentsFormIsAJapanese403PageWithoutAStackTrace() {
        String officer = TestUsers.officer(context, "shimin-other", DEPARTMENT);
        browser.logIn(officer).open("/inspections/form?department=保育課&fiscalYear=2025");

        assertEquals("403", browser.waitFor("[data-error-status]").getAttribute("data-error-status"));
        assertEquals("この操作は許可されていません", browser.text("h1"));
        String message = browser.text("[role=alert]");
        assertTrue(message.contains("保育課"), message);
        assertTrue(message.contains("市民課"), "names the officer's own departments: " + message);
        assertNoStackTrace(browser.driver().getPageSource());
        assertEquals(403, fetchStatus("GET", "/inspections/form?department=" + enc("保育課") + "&fiscalYear=2025", null));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndStoresNothing() {
        String officer = TestUsers.officer(context, "shimin-csrf", DEPARTMENT);
        browser.logIn(officer).open("/inspections/form?department=市民課&fiscalYear=2026");
        click("[data-item-id='ORG-01'] input[value=YES]");
        item("ORG-01").findElement(By.cssSelector("[data-field=evidence]")).sendKeys("トークンなし");

        // As a forged form would: no token in the action's query, none in the body.
        browser.driver().executeScript(
                "const f = document.getElementById('inspection-form');"
                        + " f.setAttribute('action', '/inspections/form');"
                        + " f.querySelectorAll('input[name=csrfToken]').forEach(i => i.remove());");
        click("[data-action=save-draft]");

        assertEquals("403", browser.waitFor("[data-error-status]").getAttribute("data-error-status"));
        assertTrue(browser.text("[role=alert]").contains("トークン"), browser.text("[role=alert]"));
        assertNoStackTrace(browser.driver().getPageSource());

        // The same post by the page's script, with the login cookie but no token: 403 for a draft and a submission.
        browser.open("/");
        String fields = "department=" + enc(DEPARTMENT) + "&fiscalYear=2026&answer.ORG-01=YES&intent=";
        assertEquals(403, fetchStatus("POST", "/inspections/form", fields + "save-draft"));
        assertEquals(403, fetchStatus("POST", "/inspections/form", fields + "submit-inspection"));

        assertTrue(drafts.find(TestUsers.adminCaller(), TestUsers.ORGANIZATION, DEPARTMENT, 2026).isEmpty(), "no draft stored");
        assertTrue(inspections.current(TestUsers.adminCaller(), TestUsers.ORGANIZATION, 2026, DEPARTMENT).isEmpty(),
                "no inspection stored");
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    }

    @Test
    void aScriptTypedAsARemediationComesBackAsTextAndNeverRuns() {
        String officer = TestUsers.officer(context, "shimin-escape", DEPARTMENT);
        browser.logIn(officer).open("/inspections/form?department=市民課&fiscalYear=2023");
        click("[data-item-id='PHY-02'] input[value=NO]");
        browser.waitFor("[data-item-id='PHY-02'] [data-field=remediation-action]").sendKeys(PageSecurityTest.SCRIPT);

        click("[data-action=save-draft]");

        assertEquals("下書きを保存しました。", browser.text("p.notice"));
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert(), "no alert ran");
        assertEquals(PageSecurityTest.SCRIPT,
                browser.waitFor("[data-item-id='PHY-02'] [data-field=remediation-action]").getAttribute("value"), "shown as text");
        assertEquals(0L, browser.driver().executeScript(
                "return Array.from(document.scripts).filter(s => s.textContent.includes('alert(1)')).length;"));
    }

    // --- helpers

    private static List<Expected> example() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLE.toFile());
        List<Expected> answers = new ArrayList<>();
        for (JsonNode a : doc.get("answers")) {
            JsonNode r = a.path("remediation");
            answers.add(new Expected(a.get("itemId").asText(), a.path("answer").asText(""), a.path("value").asText(""),
                    a.path("evidence").asText(""), r.path("action").asText(""), r.path("dueDate").asText("")));
        }
        return answers;
    }

    private void openFormFromHome() {
        if (!"/".equals(browser.currentPath())) {
            browser.open("/");
        }
        click("[data-department='市民課'] a[href^='/inspections/form']");
        browser.waitFor("#inspection-form [data-item-id='EVA-05']");
    }

    /** Clicks and, when the click loads another page, waits for it. */
    private void click(String css) {
        WebElement html = browser.driver().findElement(By.tagName("html"));
        browser.waitFor(css).click();
        if (css.contains("data-action")) {
            wait(Browser.gone(html));
        }
    }

    private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Browser.WAIT);
        wait.pollingEvery(java.time.Duration.ofMillis(25));
        return wait.until(condition);
    }

    private WebElement item(String id) {
        return browser.driver().findElement(By.cssSelector("[data-item-id='" + id + "']"));
    }

    private boolean gated(String id) {
        return item(id).getAttribute("class").contains("gated");
    }

    /** Answers one item as a person would: click its radio, type its percentage, evidence and remediation. */
    private void fill(Expected e) {
        String item = "[data-item-id='" + e.itemId() + "'] ";
        boolean gatedItem = Submissions.CHECKLIST.item(e.itemId()).orElseThrow().dependsOn() != null
                && "NA".equals(e.answer()) && gated(e.itemId());
        if (gatedItem) {
            // Its gate was answered 該当なし a moment ago: the script has set it to 該当なし and disabled it.
            WebElement na = browser.driver().findElement(By.cssSelector(item + "input[value=NA]"));
            assertTrue(na.isSelected() && !na.isEnabled(), e.itemId() + " set to 該当なし by its gate");
        } else if (!e.answer().isEmpty()) {
            browser.driver().findElement(By.cssSelector(item + "input[type=radio][value='" + e.answer() + "']")).click();
        }
        if (!e.value().isEmpty()) {
            browser.driver().findElement(By.cssSelector(item + "[data-field=value]")).sendKeys(e.value());
        }
        if (!e.evidence().isEmpty()) {
            browser.driver().findElement(By.cssSelector(item + "[data-field=evidence]")).sendKeys(e.evidence());
        }
        if (e.needsRemediation()) {
            // Hidden by the script until the answer needs a remediation; the answer above does.
            browser.waitFor(item + "[data-field=remediation-action]").sendKeys(e.action());
            typeDate(browser.waitFor(item + "[data-field=remediation-due]"), e.due());
        }
    }

    /**
     * Types an ISO date into a date input, its parts in the order the browser's own (interface)
     * locale shows them: 年/月/日 in a Japanese Chromium, month/day/year in Debian's Chromium without
     * its chromium-l10n files, whatever the pages' language. JavaScript's default locale is that
     * interface locale ({@code navigator.language} is the page language, ja). Month and day move on
     * after two digits; the year (up to six digits) needs an arrow key.
     */
    @SuppressWarnings("unchecked")
    private void typeDate(WebElement input, String iso) {
        String[] ymd = iso.split("-");
        List<String> order = (List<String>) browser.driver().executeScript(
                "return new Intl.DateTimeFormat().formatToParts(new Date(2026, 2, 31))"
                        + ".map(p => p.type).filter(t => t === 'year' || t === 'month' || t === 'day');");
        List<CharSequence> keys = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            switch (order.get(i)) {
                case "year" -> {
                    keys.add(ymd[0]);
                    if (i < order.size() - 1) {
                        keys.add(Keys.ARROW_RIGHT);
                    }
                }
                case "month" -> keys.add(ymd[1]);
                default -> keys.add(ymd[2]);
            }
        }
        input.sendKeys(keys.toArray(CharSequence[]::new));
        assertEquals(iso, input.getAttribute("value"), "the date typed in the order " + order);
    }

    /** Every item's controls as the page shows them now, read in one script. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> formState() {
        Object state = browser.driver().executeScript(
                "const out = {};"
                        + " document.querySelectorAll('#inspection-form [data-item-id]').forEach(item => {"
                        + "   const f = n => { const e = item.querySelector('[data-field=' + n + ']'); return e ? e.value : ''; };"
                        + "   const c = item.querySelector('input[type=radio]:checked');"
                        + "   out[item.dataset.itemId] = { answer: c ? c.value : '', value: f('value'), evidence: f('evidence'),"
                        + "     action: f('remediation-action'), due: f('remediation-due'),"
                        + "     remediationShown: item.querySelector('[data-field=remediation-action]').offsetParent !== null };"
                        + " });"
                        + " return out;");
        return (Map<String, Map<String, Object>>) state;
    }

    private void assertFormShows(List<Expected> example) {
        Map<String, Map<String, Object>> state = formState();
        assertEquals(ON_PAGE, state.size(), "every item on the page, the organization-level ones read-only");
        for (Expected e : example) {
            Map<String, Object> shown = state.get(e.itemId());
            assertEquals(List.of(e.answer(), e.value(), e.evidence(), e.action(), e.due(), e.needsRemediation()),
                    List.of(shown.get("answer"), shown.get("value"), shown.get("evidence"), shown.get("action"), shown.get("due"),
                            shown.get("remediationShown")),
                    e.itemId() + ": answer, value, evidence, remediation action, due date, remediation shown");
        }
    }

    /** Reloads the form a few times and prints each DOMContentLoaded (not asserted: issue 16's bench has the budget). */
    private void printReloadTimes() {
        String url = browser.currentPath();
        List<String> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            browser.open(url);
            times.add(String.format("%.1f", browser.domContentLoadedMillis()));
        }
        System.out.println("DOMContentLoaded of the " + ON_PAGE + "-item form, 5 more loads (ms): " + times);
    }

    /** The HTTP status of a same-origin request the page's script sends with the login cookie. */
    private int fetchStatus(String method, String path, String formBody) {
        Object status = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " const init = { method: arguments[0], credentials: 'same-origin', redirect: 'manual' };"
                        + " if (arguments[2] !== null) { init.body = arguments[2];"
                        + "   init.headers = { 'Content-Type': 'application/x-www-form-urlencoded' }; }"
                        + " fetch(arguments[1], init).then(r => done(r.status), e => done(String(e)));",
                method, path, formBody);
        return ((Number) status).intValue();
    }

    /** Status and Content-Type of a GET sent by the page with the login's cookie. */
    private String fetchType(String url) {
        return (String) browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], { credentials: 'same-origin' })"
                        + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')), e => done(String(e)));", url);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static void assertNoStackTrace(String html) {
        for (String sign : List.of("Exception", "\tat ", "at jp.tenken", "at io.micronaut", "java.lang", "Caused by")) {
            assertFalse(html.contains(sign), "no stack trace on the page (" + sign + ")");
        }
    }
}
