package jp.tenken.home;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.views.ModelAndView;
import jp.tenken.account.Account;
import jp.tenken.account.AccountService;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.account.Role;
import jp.tenken.compliance.AuditorOverview;
import jp.tenken.inspection.OfficerOverview;
import jp.tenken.inspection.StoredInspection;
import jp.tenken.reminder.ReminderService;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.Layout;
import jp.tenken.web.StatusWords;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The home page at {@code /}, one per role (CONTRACT §8). The security officer's shows its own
 * departments with this fiscal year's status, earlier years' submissions and what of its departments
 * is overdue or falls due ({@link ReminderRows}); the auditor's ({@link AuditorOverview}) this year's
 * compliance in figures with links to the lists, and what of the organization is overdue or falls
 * due; the plan editor's lists the pages its role opens (plans, evaluations, the rule catalogue).
 */
@Controller
class HomePage {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Reminders listed per table on a home; the API and the calendar have them all. */
    private static final int LISTED_REMINDERS = 50;

    private final Layout layout;
    private final OfficerOverview overview;
    private final AuditorOverview auditorOverview;
    private final Clock clock;
    private final AccountService accounts;
    private final ReminderService reminders;

    HomePage(Layout layout, OfficerOverview overview, AuditorOverview auditorOverview, Clock clock, AccountService accounts,
             ReminderService reminders) {
        this.layout = layout;
        this.overview = overview;
        this.auditorOverview = auditorOverview;
        this.clock = clock;
        this.accounts = accounts;
        this.reminders = reminders;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> home(Caller caller) {
        LocalDate today = LocalDate.now(clock.withZone(JAPAN));
        int fiscalYear = JapaneseDates.fiscalYearOf(today);
        Map<String, Object> model = layout.model(caller, "ホーム");
        model.put("today", JapaneseDates.date(today));
        model.put("fiscalYear", fiscalYear);
        model.put("fiscalYearLabel", JapaneseDates.fiscalYear(fiscalYear));
        if (!caller.account().has(Role.SECURITY_OFFICER) && caller.account().has(Role.AUDITOR)) {
            model.putAll(auditorOverview.summary(caller, fiscalYear, today));
            if (Boolean.FALSE.equals(model.get("unknownOrganization"))) {
                model.putAll(ReminderRows.model(reminders, caller, caller.account().organization(), today, LISTED_REMINDERS));
            }
            return new ModelAndView<>("home/auditor", model);
        }
        if (!caller.account().has(Role.SECURITY_OFFICER) && caller.account().has(Role.ADMIN)) {
            return adminHome(caller, model);
        }
        if (!caller.account().has(Role.SECURITY_OFFICER)) {
            model.put("roles", caller.account().roles().stream().map(Layout::roleName).toList());
            // The pages its role opens, as the navigation has them, without home and the password page.
            model.put("startLinks", ((List<?>) model.get("nav")).stream().map(Layout.Link.class::cast)
                    .filter(link -> !link.href().equals("/") && !link.href().equals("/password")).toList());
            return new ModelAndView<>("home/simple", model);
        }
        List<OfficerOverview.DepartmentLine> lines = overview.departments(caller, fiscalYear);
        model.put("departments", lines.stream().map(line -> departmentRow(line, fiscalYear)).toList());
        model.putAll(ReminderRows.model(reminders, caller, caller.account().organization(), today, LISTED_REMINDERS));
        return new ModelAndView<>("home/officer", model);
    }

    /** The admin's home: how many users it administers, and the way to its pages. */
    private ModelAndView<Map<String, Object>> adminHome(Caller caller, Map<String, Object> model) {
        List<Account> users = accounts.list(caller);
        model.put("userCount", users.size());
        model.put("enabledCount", users.stream().filter(Account::enabled).count());
        model.put("disabledCount", users.stream().filter(a -> !a.enabled()).count());
        model.put("byRole", java.util.Arrays.stream(Role.values()).map(role -> Map.of(
                "label", Layout.roleName(role),
                "count", users.stream().filter(a -> a.enabled() && a.has(role)).count())).toList());
        model.put("activity", caller.mayAtAll(Action.ACTIVITY_READ));
        return new ModelAndView<>("home/admin", model);
    }

    private static Map<String, Object> departmentRow(OfficerOverview.DepartmentLine line, int fiscalYear) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", line.department());
        row.put("submitted", line.current().isPresent());
        line.current().ifPresent(current -> {
            row.put("status", current.status().name());
            row.put("statusWord", StatusWords.of(current.status()));
            row.put("submittedOn", JapaneseDates.date(current.submittedOn()));
            row.put("id", current.id());
        });
        row.put("formHref", InspectionLinks.form(line.department(), fiscalYear));
        row.put("earlier", line.earlier().stream().map(HomePage::earlierRow).toList());
        return row;
    }

    private static Map<String, Object> earlierRow(StoredInspection inspection) {
        return Map.of(
                "fiscalYear", JapaneseDates.fiscalYear(inspection.fiscalYear()),
                "status", inspection.status().name(),
                "statusWord", StatusWords.of(inspection.status()),
                "submittedOn", JapaneseDates.date(inspection.submittedOn()),
                "href", "/inspections/" + inspection.id());
    }
}
