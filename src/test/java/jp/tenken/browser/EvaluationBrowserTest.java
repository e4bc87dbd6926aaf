package jp.tenken.browser;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan editor checks the city's evaluation sheet in a real browser (CONTRACT §8, §10): from the
 * navigation to the evaluation page, the sheet uploaded, each result shown with the initiative it
 * traces to. The README's screenshot is taken here.
 */
@MicronautTest
class EvaluationBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void theEditorChecksTheCitysEvaluationSheetAgainstTheStoredActionPlan() throws Exception {
        String editor = TestUsers.editor(context);
        assertEquals(201, Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans", Files.readAllBytes(Fixtures.DX_PLAN))
                .contentType("application/x-yaml")).status());
        browser.serve(server).logOut();
        browser.logIn(editor);
        browser.driver().findElement(By.linkText("評価")).click();
        WebElement input = browser.waitFor("form.plan-upload input[type=file]");
        assertEquals("/evaluations", browser.currentPath());
        input.sendKeys(Fixtures.DX_EVALUATION.toAbsolutePath().toString());
        browser.driver().findElement(By.cssSelector("[data-action=check-evaluation]")).click();
        browser.waitFor("table.evaluation-results");
        List<WebElement> results = browser.driver().findElements(By.cssSelector("tr.result"));
        assertEquals(32, results.size());
        assertEquals(32, browser.driver().findElements(By.cssSelector("tr[data-trace=traced]")).size());
        assertTrue(results.get(0).getText().contains("取組No.3"), results.get(0).getText());
        assertTrue(results.get(0).getText().contains("保育所等におけるICTの活用"), results.get(0).getText());
        assertEquals(14, browser.driver().findElements(By.cssSelector("[data-rule-id=EVAL-INITIATIVE-UNREPORTED]")).size());
        Path shot = browser.screenshot(Path.of("target", "browser", "editor-evaluation.png"));
        if (System.getProperty("tenken.update-screenshots") != null) {
            Files.createDirectories(Path.of("docs", "screenshots"));
            Files.copy(shot, Path.of("docs", "screenshots", "editor-evaluation.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
