package jp.tenken.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.account.Role;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentReader;
import jp.tenken.inspection.InspectionService;
import jp.tenken.inspection.InspectionSubmission;
import jp.tenken.inspection.Submissions;
import jp.tenken.text.JapaneseDates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auditor's journey of CONTRACT §8 in a real browser: a department that has not submitted is
 * NON_COMPLIANT in the compliance list; the auditor records an audit with a HIGH finding and
 * completes its corrective action; the officer's form is refused (403), and an auditor of another
 * organization sees nothing of Hiratsuka's.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorBrowserTest {

    private static final String NOT_SUBMITTED = "市民課";
    private static final String COMPLIANT = "デジタル推進課";
    private static final String NEEDS_IMPROVEMENT = "職員課";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    /** The pages' today (Japan's), which chooses the fiscal year they show. */
    private final int fiscalYear = JapaneseDates.fiscalYearOf(JapaneseDates.today());
    /**
     * The dates sent: the audit services judge "in the future" against the JVM's own date (as the
     * API does), which in a UTC process is a day behind Japan's from 15:00 to 24:00 UTC.
     */
    private final LocalDate today = JapaneseDates.today();

    @BeforeAll
    void submitTwoSelfInspections() throws Exception {
        submit(Submissions.compliant(COMPLIANT, fiscalYear));
        // いいえ on a MEDIUM item without a remediation: an error on a MEDIUM item, NEEDS_IMPROVEMENT.
        submit(Submissions.submission(NEEDS_IMPROVEMENT, fiscalYear, id -> id.equals("ORG-02") ? Map.of("answer", "NO") : null));
    }

    private void submit(Map<String, Object> body) throws Exception {
        body.put("submittedOn", today.toString());
        InspectionSubmission submission = context.getBean(DocumentReader.class)
                .read(new ObjectMapper().writeValueAsBytes(body), DocumentFormat.JSON, InspectionSubmission.class);
        context.getBean(InspectionService.class).submit(TestUsers.adminCaller(), submission);
    }

    @BeforeEach
    void freshBrowser() {
        browser.serve(server).logOut();
    }

    @Test
    void theAuditorFindsANonSubmitterRecordsAHighFindingAndCompletesItsAction() throws Exception {
        browser.logIn(TestUsers.auditor(context));

        // The home: this year's figures, links to the list.
        assertEquals("/", browser.currentPath());
        assertTrue(browser.text("[data-testid=totals]").contains("不適合"), browser.text("main"));

        browser.open("/compliance?fiscalYear=" + fiscalYear);
        WebElement line = browser.waitFor("tr[data-department='" + NOT_SUBMITTED + "']");
        assertEquals("NON_COMPLIANT", line.getAttribute("data-status"));
        assertTrue(line.getText().contains("不適合"), line.getText());
        assertTrue(line.getText().contains("未提出"), line.getText());
        assertEquals("COMPLIANT", browser.waitFor("tr[data-department='" + COMPLIANT + "']").getAttribute("data-status"));
        assertEquals("NEEDS_IMPROVEMENT", browser.waitFor("tr[data-department='" + NEEDS_IMPROVEMENT + "']").getAttribute("data-status"));
        String totals = browser.text("[data-testid=totals]");
        assertTrue(totals.contains("適合 1"), totals);
        assertTrue(totals.contains("要改善 1"), totals);

        // Filtered by status, then sorted by status: the worst first.
        new Select(browser.driver().findElement(By.name("status"))).selectByValue("NON_COMPLIANT");
        browser.driver().findElement(By.cssSelector("form.filters button[type=submit]")).click();
        browser.waitFor("tr[data-department='" + NOT_SUBMITTED + "']");
        assertTrue(browser.currentPath().contains("status=NON_COMPLIANT"), browser.currentPath());
        assertTrue(statuses().stream().allMatch("NON_COMPLIANT"::equals), statuses().toString());
        browser.open("/compliance?fiscalYear=" + fiscalYear + "&sort=status");
        List<String> sorted = statuses();
        assertEquals("COMPLIANT", sorted.get(sorted.size() - 1));
        assertEquals("NEEDS_IMPROVEMENT", sorted.get(sorted.size() - 2));

        // The CSV link is the API's, which answers the same lines.
        String csvHref = browser.waitFor("[data-action=download-csv]").getAttribute("href");
        assertTrue(csvHref.contains("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=" + fiscalYear), csvHref);
        assertTrue(csvHref.endsWith("format=csv"), csvHref);
        try (HttpClient client = HttpClient.create(server.getURL())) {
            URI csv = URI.create(csvHref);
            HttpResponse<byte[]> answer = client.toBlocking().exchange(
                    TestUsers.as(TestUsers.AUDITOR, HttpRequest.GET(csv.getRawPath() + "?" + csv.getRawQuery())), byte[].class);
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            assertTrue(text.contains(NOT_SUBMITTED + ",不適合"), text);
        }

        // Excel and PDF beside the CSV: the same list, the same query.
        for (String format : List.of("xlsx", "pdf")) {
            String href = browser.waitFor("[data-action=download-" + format + "]").getAttribute("href");
            assertTrue(href.contains("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=" + fiscalYear), href);
            assertTrue(href.endsWith("format=" + format), href);
            try (HttpClient client = HttpClient.create(server.getURL())) {
                URI file = URI.create(href);
                HttpResponse<byte[]> answer = client.toBlocking().exchange(
                        TestUsers.as(TestUsers.AUDITOR, HttpRequest.GET(file.getRawPath() + "?" + file.getRawQuery())), byte[].class);
                assertEquals(format.equals("pdf") ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        answer.getContentType().orElseThrow().toString());
            }
        }

        // The department's page from its line.
        browser.open("/compliance?fiscalYear=" + fiscalYear);
        browser.waitFor("tr[data-department='" + NOT_SUBMITTED + "'] a").click();
        assertEquals("NON_COMPLIANT", browser.waitFor("h1 ~ p [data-status]").getAttribute("data-status"));
        assertTrue(browser.text("main").contains("記録された監査はありません"));
        browser.driver().findElement(By.linkText("この課の監査を記録する")).click();

        // The audit form: a HIGH finding without its id first, refused with the error beside its row.
        WebElement form = browser.waitFor("#audit-form");
        assertEquals(NOT_SUBMITTED, new Select(form.findElement(By.name("department"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals(String.valueOf(fiscalYear), form.findElement(By.name("fiscalYear")).getAttribute("value"));
        setDate(form.findElement(By.name("auditedOn")), today);
        form.findElement(By.name("auditorName.0")).sendKeys("監査 花子");
        new Select(form.findElement(By.name("auditorDepartment.0"))).selectByValue("行政総務課");
        form.findElement(By.name("finding.0.itemId")).sendKeys("PHY-02");
        new Select(form.findElement(By.name("finding.0.severity"))).selectByValue("HIGH");
        form.findElement(By.name("finding.0.description")).sendKeys("執務室の書庫が施錠されていない");
        form.findElement(By.name("finding.0.action")).sendKeys("書庫の施錠と鍵の管理簿を整える");
        setDate(form.findElement(By.name("finding.0.due")), today.plusDays(30));
        form.findElement(By.cssSelector("[data-action=record-audit]")).click();
        WebElement error = browser.waitFor("[data-finding-row='0'] .field-error");
        assertTrue(error.getText().startsWith("指摘ID: "), error.getText());
        assertEquals("書庫の施錠と鍵の管理簿を整える",
                browser.driver().findElement(By.name("finding.0.action")).getAttribute("value"), "kept as typed");

        browser.driver().findElement(By.name("finding.0.id")).sendKeys("F-1");
        browser.driver().findElement(By.cssSelector("[data-action=record-audit]")).click();

        // The audit as recorded: its finding with an open action, then completed today.
        WebElement finding = browser.waitFor("tr[data-finding-id='F-1']");
        assertTrue(browser.currentPath().startsWith("/audits/"), browser.currentPath());
        assertEquals("監査を記録しました。", browser.text("[role=status]"));
        assertEquals("OPEN", finding.getAttribute("data-action-state"));
        assertTrue(finding.getText().contains("重要度 高"), finding.getText());
        // A completion still to come is refused beside its action, as the API refuses it.
        setDate(finding.findElement(By.name("completedOn")), today.plusDays(1));
        finding.findElement(By.cssSelector("[data-action=complete-action]")).click();
        WebElement refusal = browser.waitFor("tr[data-finding-id='F-1'] .field-error");
        assertTrue(refusal.getText().startsWith("完了日: "), refusal.getText());
        finding = browser.waitFor("tr[data-finding-id='F-1']");
        assertEquals("OPEN", finding.getAttribute("data-action-state"));
        setDate(finding.findElement(By.name("completedOn")), today);
        finding.findElement(By.cssSelector("[data-action=complete-action]")).click();
        browser.waitFor("[role=status]");
        assertEquals("是正措置の完了を記録しました。", browser.text("[role=status]"));
        finding = browser.waitFor("tr[data-finding-id='F-1']");
        assertEquals("COMPLETED", finding.getAttribute("data-action-state"));
        assertTrue(finding.getText().contains(JapaneseDates.date(today) + " 完了"), finding.getText());
        assertTrue(finding.getText().contains(TestUsers.AUDITOR), "who recorded the completion: " + finding.getText());

        // The department's page has the audit and the completed action.
        browser.driver().findElement(By.linkText("課のページへ")).click();
        WebElement action = browser.waitFor("tr[data-finding-id='F-1']");
        assertEquals("COMPLETED", action.getAttribute("data-action-state"));
        assertFalse(browser.driver().findElements(By.cssSelector("tr[data-audit-id]")).isEmpty());

        // The coverage of the year counts it.
        browser.open("/audits/coverage?fiscalYear=" + fiscalYear);
        assertEquals("1", browser.text("[data-testid=audited-count]"));
        browser.waitFor("li[data-audited='" + NOT_SUBMITTED + "']");
        assertTrue(browser.driver().findElements(By.cssSelector("[data-not-audited='" + NOT_SUBMITTED + "']")).isEmpty());
        assertFalse(browser.driver().findElements(By.cssSelector("[data-not-audited='" + COMPLIANT + "']")).isEmpty());
    }

    @Test
    void theAuditorIsRefusedTheOfficersForm() {
        browser.logIn(TestUsers.auditor(context));
        browser.open("/inspections/form?department=" + NOT_SUBMITTED + "&fiscalYear=" + fiscalYear);
        assertEquals("この操作は許可されていません", browser.text("h1"));
        assertTrue(browser.driver().findElements(By.cssSelector("[data-item-id]")).isEmpty());
    }

    @Test
    void anOfficerIsRefusedTheAuditForm() {
        browser.logIn(TestUsers.officer(context, "officer-shimin", NOT_SUBMITTED));
        browser.open("/audits/new");
        assertEquals("この操作は許可されていません", browser.text("h1"));
        assertTrue(browser.driver().findElements(By.id("audit-form")).isEmpty());
    }

    @Test
    void anAuditorOfAnotherOrganizationDoesNotSeeHiratsukasList() {
        String other = TestUsers.ensure(context, "samukawa-auditor", Set.of(Role.AUDITOR), "samukawa", Set.of());
        browser.logIn(other);
        assertEquals("/", browser.currentPath());
        assertTrue(browser.text("[role=alert]").contains("組織名簿に登録されていない"), browser.text("main"));

        browser.open("/compliance?organization=hiratsuka&fiscalYear=" + fiscalYear);
        assertEquals("この操作は許可されていません", browser.text("h1"));
        assertTrue(browser.driver().findElements(By.cssSelector("[data-department]")).isEmpty());
        browser.open("/departments/" + NOT_SUBMITTED + "?organization=hiratsuka");
        assertEquals("この操作は許可されていません", browser.text("h1"));
        browser.open("/audits/coverage?organization=hiratsuka");
        assertEquals("この操作は許可されていません", browser.text("h1"));
        // Its own list: an organization the registry does not hold.
        browser.open("/compliance");
        assertEquals("ページが見つかりません", browser.text("h1"));
        assertTrue(browser.driver().findElements(By.cssSelector("[data-department]")).isEmpty());
        // Nor through the API, with the same login.
        try (HttpClient client = HttpClient.create(server.getURL())) {
            HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(TestUsers.as(other,
                            HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=" + fiscalYear)), String.class));
            assertEquals(403, refused.getStatus().getCode());
        }
    }

    /** The page's server time and DOMContentLoaded for the seeds' departments: printed, not asserted (docs/performance.md). */
    @Test
    void theComplianceListIsTimedAndPhotographed() {
        browser.logIn(TestUsers.auditor(context));
        String path = "/compliance?fiscalYear=" + fiscalYear;
        List<Double> server = new ArrayList<>();
        List<Double> loaded = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            browser.open(path);
            Object responseTime = ((JavascriptExecutor) browser.driver()).executeScript(
                    "const n = performance.getEntriesByType('navigation')[0]; return n.responseStart - n.requestStart;");
            if (i >= 5) { // after warming up
                server.add(((Number) responseTime).doubleValue());
                loaded.add(browser.domContentLoadedMillis());
            }
        }
        int lines = browser.driver().findElements(By.cssSelector("tr[data-department]")).size();
        System.out.printf("compliance list, %d departments: time to first byte p50 %.1f ms p95 %.1f ms; DOMContentLoaded p50 %.1f ms p95 %.1f ms (20 loads)%n",
                lines, percentile(server, 50), percentile(server, 95), percentile(loaded, 50), percentile(loaded, 95));
        browser.screenshot(Path.of("target", "browser", "auditor-compliance.png"));
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static List<String> statuses() {
        return browser.driver().findElements(By.cssSelector("tr[data-department]")).stream()
                .map(e -> e.getAttribute("data-status")).toList();
    }

    /** A date input's value, set as the page's own date picker would (typing depends on the browser's locale). */
    private static void setDate(WebElement input, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", input, date.toString());
    }
}
