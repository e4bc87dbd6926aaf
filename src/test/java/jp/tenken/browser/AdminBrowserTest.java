package jp.tenken.browser;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.account.AccountService;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.account.Role;
import jp.tenken.account.UserRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin's journey of issue 17 in a real browser: the admin creates a security officer of
 * 市民課 through the users page, that officer logs in and reaches its own department's form but
 * not another's; a disabled user cannot log in; others are refused the admin pages; and the rule
 * catalogue's search box finds a rule by a piece of its id.
 */
@MicronautTest
class AdminBrowserTest {

    private static final String NEW_PASSWORD = "shimin-password-2025";
    private static final String FORBIDDEN_HEADING = "この操作は許可されていません";

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
    void theAdminCreatesAnOfficerWhoThenReachesOnlyItsOwnDepartment() {
        browser.logIn(TestUsers.ADMIN);
        assertEquals("/", browser.currentPath());
        assertTrue(browser.text("[data-testid=user-count]").contains("利用者"), "the admin's home");
        browser.driver().findElement(By.linkText("利用者管理")).click();
        browser.driver().findElement(By.cssSelector("[data-action=new-user]")).click();

        fillNewUser("shimin-officer", "市民 太郎", NEW_PASSWORD, NEW_PASSWORD);
        check("input[data-role=SECURITY_OFFICER]");
        check("fieldset[data-organization=hiratsuka] input[data-department='市民課']");
        submit("[data-action=save-user]");

        assertEquals("/admin/users?created=shimin-officer", browser.currentPath());
        assertTrue(browser.text("[role=status]").contains("shimin-officer"));
        WebElement row = browser.waitFor("tr[data-username=shimin-officer]");
        assertTrue(row.getText().contains("情報セキュリティ担当者"), row.getText());
        assertTrue(row.getText().contains("平塚市"), row.getText());
        assertTrue(row.getText().contains("市民課"), row.getText());
        assertTrue(row.getText().contains("有効"), row.getText());

        browser.logOut().logIn("shimin-officer", NEW_PASSWORD);
        assertEquals("/", browser.currentPath());
        assertTrue(browser.waitFor("[data-department='市民課']").isDisplayed(), "the officer's own department on its home");
        assertTrue(browser.driver().findElements(By.cssSelector("[data-department='保育課']")).isEmpty());

        browser.open("/inspections/form?department=%E5%B8%82%E6%B0%91%E8%AA%B2&fiscalYear=2025"); // 市民課
        assertFalse(browser.driver().findElements(By.cssSelector("[data-item-id]")).isEmpty(), "its own form");
        browser.open("/inspections/form?department=%E4%BF%9D%E8%82%B2%E8%AA%B2&fiscalYear=2025"); // 保育課
        assertEquals(FORBIDDEN_HEADING, browser.text("h1"));
        assertEquals("403", browser.waitFor("[data-error-status]").getAttribute("data-error-status"));
        // Nor the admin's pages.
        browser.open("/admin/users");
        assertEquals(FORBIDDEN_HEADING, browser.text("h1"));
    }

    @Test
    void aRefusedFormKeepsItsValuesAndShowsEachErrorBesideItsField() {
        browser.logIn(TestUsers.ADMIN).open("/admin/users/new");

        // The server's checks, not the browser's (minlength, required): they are what this test is about.
        browser.driver().executeScript("document.querySelector('form[data-form=user]').noValidate = true;");
        // The first admin's name is taken; an officer without a department; a short password.
        fillNewUser(TestUsers.ADMIN, "二人目", "short", "short");
        check("input[data-role=SECURITY_OFFICER]");
        submit("[data-action=save-user]");

        assertTrue(browser.text("[role=alert]").contains("保存できませんでした"));
        assertEquals("二人目", browser.waitFor("#displayName").getAttribute("value"), "values kept");
        assertTrue(browser.waitFor("input[data-role=SECURITY_OFFICER]").isSelected(), "checkboxes kept");
        assertTrue(errorsAfter("#password").contains("パスワードは12文字以上にしてください"), errorsAfter("#password"));
        assertTrue(browser.text("form[data-form=user]").contains("SECURITY_OFFICER には担当課を1つ以上指定してください"));

        // Fields right, the name taken: 409 from the service, shown beside the user name.
        browser.driver().executeScript("document.querySelector('form[data-form=user]').noValidate = true;");
        fillPasswords(NEW_PASSWORD, NEW_PASSWORD);
        check("fieldset[data-organization=hiratsuka] input[data-department='市民課']");
        submit("[data-action=save-user]");
        assertEquals("ユーザー名「admin」はすでに使われています", errorsAfter("#username"));
        assertEquals(TestUsers.ADMIN, browser.waitFor("#username").getAttribute("value"));
    }

    @Test
    void aDisabledUserCanNoLongerLogIn() {
        String user = TestUsers.ensure(context, "to-disable", Set.of(Role.PLAN_EDITOR), TestUsers.ORGANIZATION, Set.of());
        browser.logIn(user);
        assertEquals("/", browser.currentPath());

        browser.logOut().logIn(TestUsers.ADMIN).open("/admin/users/" + user);
        WebElement enabled = browser.waitFor("#enabled");
        assertTrue(enabled.isSelected());
        enabled.click();
        submit("[data-action=save-user]");
        assertEquals("/admin/users/" + user + "?saved", browser.currentPath());
        assertFalse(browser.waitFor("#enabled").isSelected());
        browser.open("/admin/users");
        assertEquals("false", browser.waitFor("tr[data-username=" + user + "]").getAttribute("data-enabled"));
        assertTrue(browser.text("tr[data-username=" + user + "]").contains("無効"));

        browser.logOut().logIn(user);
        assertEquals("/login?error", browser.currentPath());
        assertTrue(browser.cookie("JWT").isEmpty());

        // The activity log shows the change, filtered by action.
        browser.logIn(TestUsers.ADMIN).open("/admin/activity?action=USER_UPDATED");
        WebElement line = browser.waitFor("tr[data-action=USER_UPDATED]");
        assertTrue(line.getText().contains("username=" + user), line.getText());
        assertTrue(line.getText().contains("令和"), "Japan's dates: " + line.getText());
    }

    @Test
    void theActivityLogPagesFiftyEntriesAtATimeAndSaysWhatIsWrongWithAFilter() {
        ActivityLog log = context.getBean(ActivityLog.class);
        for (int i = 0; i < 60; i++) {
            log.append(ActivityEntry.now("pager", ActivityAction.LOGIN_FAILED, TestUsers.ORGANIZATION, Map.of("n", i), Outcome.DENIED));
        }
        browser.logIn(TestUsers.ADMIN).open("/admin/activity");
        browser.waitFor("#f-user").sendKeys("pager");
        new Select(browser.waitFor("#f-action")).selectByValue("LOGIN_FAILED");
        submit("form[data-form=activity-filters] button");

        assertEquals(50, browser.driver().findElements(By.cssSelector("tr[data-action=LOGIN_FAILED]")).size());
        assertTrue(browser.text("tr[data-action=LOGIN_FAILED]").contains("n=59"), "newest first");
        assertTrue(browser.text("tr[data-action=LOGIN_FAILED]").contains("拒否"), "the outcome in words");
        assertTrue(browser.driver().findElements(By.cssSelector("[data-action=newer]")).isEmpty());
        browser.driver().findElement(By.cssSelector("[data-action=older]")).click();
        assertEquals("/admin/activity?user=pager&action=LOGIN_FAILED&page=2", browser.currentPath());
        List<WebElement> older = browser.driver().findElements(By.cssSelector("tr[data-action=LOGIN_FAILED]"));
        assertEquals(10, older.size());
        assertTrue(older.get(9).getText().contains("n=0"), older.get(9).getText());
        assertTrue(browser.driver().findElements(By.cssSelector("[data-action=older]")).isEmpty());
        assertTrue(browser.waitFor("[data-action=newer]").isDisplayed());

        browser.open("/admin/activity?from=2026-05-02&to=2026-04-30");
        assertEquals("開始日が終了日より後になっています。", browser.text("p.error[data-field=from]"));
    }

    @Test
    void theAdminSetsAPasswordThatTheUserThenLogsInWith() {
        String user = TestUsers.ensure(context, "forgot-password", Set.of(Role.AUDITOR), TestUsers.ORGANIZATION, Set.of());
        browser.logIn(TestUsers.ADMIN).open("/admin/users/" + user);
        browser.waitFor("#newPassword").sendKeys(NEW_PASSWORD);
        browser.waitFor("#newPasswordAgain").sendKeys(NEW_PASSWORD);
        submit("[data-action=set-password]");
        assertEquals("/admin/users/" + user + "?password", browser.currentPath());

        browser.logOut().logIn(user, TestUsers.PASSWORD);
        assertEquals("/login?error", browser.currentPath(), "the old password no longer works");
        browser.logIn(user, NEW_PASSWORD);
        assertEquals("/", browser.currentPath());
    }

    @Test
    void nonAdminsGetTheForbiddenPageForTheUsersPages() {
        String editor = TestUsers.editor(context);
        browser.logIn(editor);
        assertTrue(browser.driver().findElements(By.linkText("利用者管理")).isEmpty(), "no link to what it may not use");
        for (String path : List.of("/admin/users", "/admin/users/new", "/admin/users/admin", "/admin/activity")) {
            browser.open(path);
            assertEquals(FORBIDDEN_HEADING, browser.text("h1"), path);
        }
        // The auditor reads its organization's activity, but not the users.
        browser.logOut().logIn(TestUsers.auditor(context)).open("/admin/users");
        assertEquals(FORBIDDEN_HEADING, browser.text("h1"));
        browser.open("/admin/activity");
        assertTrue(browser.text("h1").startsWith("操作履歴"));
    }

    @Test
    void theRuleCatalogueSearchFindsARuleByAPieceOfItsId() {
        browser.logIn(TestUsers.editor(context));
        browser.driver().findElement(By.linkText("ルール一覧")).click();
        int all = browser.driver().findElements(By.cssSelector("[data-rule-id]")).size();
        assertTrue(all > 20, "the whole catalogue: " + all);

        WebElement box = browser.waitFor("#q");
        box.sendKeys("number-g");
        box.submit();

        assertEquals("/rules?q=number-g&family=", browser.waitForPath("/rules?q=number-g&family="));
        List<WebElement> rules = browser.driver().findElements(By.cssSelector("[data-rule-id]"));
        assertEquals(List.of("PLAN-NUMBER-GAP"), rules.stream().map(r -> r.getAttribute("data-rule-id")).toList());
        String text = rules.get(0).getText();
        assertTrue(text.contains("警告") || text.contains("エラー") || text.contains("情報"), "severity in words: " + text);
    }

    /** The pages as README shows them (target/browser/admin-*.png; admin-users.png copied to docs/screenshots). */
    @Test
    void screenshotsOfTheAdminPages() {
        TestUsers.editor(context);
        TestUsers.auditor(context);
        TestUsers.officer(context, "suzuki-hanako", "市民課", "保育課");
        String former = TestUsers.officer(context, "sato-former", "市民課");
        AccountService accounts = context.getBean(AccountService.class);
        accounts.update(TestUsers.adminCaller(), former, new UserRequest(null, "佐藤 一郎(異動)", null, null,
                List.of(Role.SECURITY_OFFICER), TestUsers.ORGANIZATION, List.of("市民課"), false));

        browser.logIn(TestUsers.ADMIN).open("/admin/users");
        browser.waitFor("tr[data-username=sato-former]");
        browser.screenshot(Path.of("target", "browser", "admin-users.png"));
        browser.open("/admin/users/suzuki-hanako");
        browser.screenshot(Path.of("target", "browser", "admin-user-edit.png"));
        browser.open("/admin/activity");
        browser.screenshot(Path.of("target", "browser", "admin-activity.png"));
        browser.open("/");
        browser.screenshot(Path.of("target", "browser", "admin-home.png"));
        browser.open("/rules?q=%E6%9C%9F%E9%99%90"); // 期限
        browser.screenshot(Path.of("target", "browser", "rules.png"));
    }

    private static void fillNewUser(String username, String displayName, String password, String again) {
        browser.waitFor("#username").clear();
        browser.waitFor("#username").sendKeys(username);
        browser.waitFor("#displayName").clear();
        browser.waitFor("#displayName").sendKeys(displayName);
        browser.waitFor("#email").clear();
        browser.waitFor("#email").sendKeys(username + "@example.jp");
        new Select(browser.waitFor("#organization")).selectByValue(TestUsers.ORGANIZATION);
        fillPasswords(password, again);
    }

    private static void fillPasswords(String password, String again) {
        browser.waitFor("#password").clear();
        browser.waitFor("#password").sendKeys(password);
        browser.waitFor("#passwordAgain").clear();
        browser.waitFor("#passwordAgain").sendKeys(again);
    }

    private static void check(String css) {
        WebElement box = browser.driver().findElement(By.cssSelector(css));
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static void submit(String css) {
        WebElement button = browser.driver().findElement(By.cssSelector(css));
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Browser.WAIT)
                .until(Browser.gone(button));
    }

    /** The error messages right after a field (its field's {@code p.error} siblings). */
    private static String errorsAfter(String css) {
        return browser.waitFor(css).findElement(By.xpath("..")).findElements(By.cssSelector("p.error")).stream()
                .map(WebElement::getText).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
