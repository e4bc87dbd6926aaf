package jp.tenken.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
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
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waivers in a real browser (CONTRACT §8, §12): on a department's page the auditor waives the
 * finding that makes it NON_COMPLIANT, giving a reason and an expiry; the department's status
 * changes at once; the waiver is in the list of waivers, and revoking it there brings the status back.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaiverBrowserTest {

    private static final String DEPARTMENT = "健康課";
    private static final String RULE = "SI-REMEDIATION-MISSING";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    private final int fiscalYear = JapaneseDates.fiscalYearOf(JapaneseDates.today());
    private final LocalDate today = JapaneseDates.today();

    @BeforeAll
    void submitANonCompliantSelfInspection() throws Exception {
        // PHY-02 (HIGH) answered NO without a remediation: SI-REMEDIATION-MISSING, NON_COMPLIANT.
        Map<String, Object> body = Submissions.nonCompliant(DEPARTMENT, fiscalYear);
        body.put("submittedOn", today.toString());
        InspectionSubmission submission = context.getBean(DocumentReader.class)
                .read(new ObjectMapper().writeValueAsBytes(body), DocumentFormat.JSON, InspectionSubmission.class);
        context.getBean(InspectionService.class).submit(TestUsers.adminCaller(), submission);
    }

    @BeforeEach
    void freshBrowser() {
        browser.serve(server).logOut();
    }

    private String status() {
        return browser.waitFor("h1 ~ p [data-status]").getAttribute("data-status");
    }

    @Test
    void theAuditorWaivesAFindingAndTheDepartmentsStatusChanges() {
        browser.logIn(TestUsers.auditor(context));
        browser.open("/departments/" + DEPARTMENT);
        assertEquals("NON_COMPLIANT", status());

        WebElement finding = browser.waitFor("li[data-rule-id='" + RULE + "']");
        assertEquals("false", finding.getAttribute("data-waived"));
        finding.findElement(By.tagName("summary")).click();
        finding.findElement(By.name("reason")).sendKeys("施錠キャビネットは来年度の庁舎改修で導入するため");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                finding.findElement(By.name("expiresOn")), today.plusDays(30).toString());
        finding.findElement(By.cssSelector("[data-action=waive]")).click();
        browser.driver().findElement(By.tagName("body")); // the page is replaced by the department's again
        browser.waitFor("li[data-rule-id='" + RULE + "'][data-waived='true']");

        assertTrue(browser.currentPath().startsWith("/departments/"), browser.currentPath());
        assertEquals("COMPLIANT", status(), "the waived finding no longer counts");
        WebElement waived = browser.waitFor("li[data-rule-id='" + RULE + "']");
        assertTrue(waived.getText().contains("適用除外"), waived.getText());
        assertTrue(waived.getText().contains("施錠キャビネットは来年度の庁舎改修で導入するため"), waived.getText());

        // The list of waivers, from the navigation.
        browser.driver().findElement(By.linkText("適用除外")).click();
        WebElement row = browser.waitFor("tr[data-rule-id='" + RULE + "']");
        assertEquals("ACTIVE", row.getAttribute("data-waiver-state"));
        assertTrue(row.getText().contains(DEPARTMENT), row.getText());
        assertTrue(row.getText().contains(JapaneseDates.date(today.plusDays(30))), row.getText());
        assertTrue(row.getText().contains(TestUsers.AUDITOR), row.getText());

        // Revoked there: the finding counts again at once.
        // It asks first, since a revocation cannot be undone: dismissed, nothing changes.
        row.findElement(By.cssSelector("[data-action=revoke-waiver]")).click();
        Alert question = new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertTrue(question.getText().startsWith("この適用除外を取り消しますか"), question.getText());
        question.dismiss();
        assertEquals("ACTIVE", browser.waitFor("tr[data-rule-id='" + RULE + "']").getAttribute("data-waiver-state"));
        browser.waitFor("tr[data-rule-id='" + RULE + "'] [data-action=revoke-waiver]").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        browser.waitFor("[role=status]");
        assertEquals("適用除外を取り消しました。", browser.text("[role=status]"));
        assertTrue(browser.waitFor("tr[data-rule-id='" + RULE + "']").getAttribute("data-waiver-state").equals("REVOKED"));
        browser.open("/departments/" + DEPARTMENT);
        assertEquals("NON_COMPLIANT", status());
        assertEquals("false", browser.waitFor("li[data-rule-id='" + RULE + "']").getAttribute("data-waived"));
    }

    @Test
    void anOfficerHasNoWaiveFormAndNoListOfWaivers() {
        String officer = TestUsers.officer(context, "waiver-page-officer", DEPARTMENT);
        browser.logIn(officer);
        browser.open("/departments/" + DEPARTMENT);
        browser.waitFor("li[data-rule-id='" + RULE + "']");
        assertTrue(browser.driver().findElements(By.cssSelector("[data-action=waive]")).isEmpty());
        assertFalse(browser.text("header").contains("適用除外"));
        browser.open("/waivers");
        assertTrue(browser.text("main").contains("403") || browser.text("main").contains("WAIVER_WRITE")
                || browser.text("main").contains("権限"), browser.text("main"));
    }
}
