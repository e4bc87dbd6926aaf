package jp.tenken.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Language;
import jp.tenken.i18n.Texts;
import jp.tenken.organization.Department;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.web.Layout;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin's users pages (CONTRACT §8): the users within the admin's reach, a form to create
 * one, a form to change one (roles, departments, name, e-mail, enabled) and to set its password.
 * Every write is {@link AccountService}'s, as for {@code /api/v1/users}: its refusals (each naming
 * its field) are shown beside the fields, a name already taken beside the user name.
 *
 * <p>Form fields: {@code role.<ROLE>} checkboxes, {@code dept.<organization>.<n>} checkboxes whose
 * value is the unit's name (one name per field, so the form reads as a plain map), the
 * organization {@value #ALL_ORGANIZATIONS} for an admin of all organizations.
 */
@Controller("/admin/users")
class UsersPage {

    /** The organization choice that stands for none: an ADMIN of all organizations. */
    static final String ALL_ORGANIZATIONS = "*";

    private final Layout layout;
    private final AccountService accounts;
    private final OrganizationRegistry organizations;

    UsersPage(Layout layout, AccountService accounts, OrganizationRegistry organizations) {
        this.layout = layout;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(Caller caller, @Nullable @QueryValue String created) {
        List<Account> users = accounts.list(caller);
        Map<String, Object> model = layout.model(caller, "利用者管理");
        model.put("users", users.stream().map(this::row).toList());
        model.put("enabledCount", users.stream().filter(Account::enabled).count());
        // Only for a user that is there: a link cannot make the page announce anything else.
        boolean known = created != null && users.stream().anyMatch(a -> a.username().equals(created));
        model.put("notice", known ? "利用者「" + created + "」を作成しました。" : null);
        return new ModelAndView<>("admin/users", model);
    }

    @Get(value = "/new", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> newUser(Caller caller) {
        caller.requireRole(Action.ADMINISTER);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("organization", caller.account().organization() == null ? "" : caller.account().organization());
        fields.put("enabled", "on");
        return new ModelAndView<>("admin/user-form", formModel(caller, null, fields, Map.of(), null));
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> create(Caller caller, @Body Map<String, String> fields) {
        caller.requireRole(Action.ADMINISTER);
        String password = fields.getOrDefault("password", "");
        if (!password.equals(fields.getOrDefault("passwordAgain", ""))) {
            return refused(caller, null, fields, Map.of("passwordAgain", List.of("確認のパスワードが一致しません")));
        }
        Submitted submitted = submitted(fields);
        if (!submitted.errors().isEmpty()) {
            return refused(caller, null, fields, submitted.errors());
        }
        String username = fields.getOrDefault("username", "").strip();
        UserRequest request = new UserRequest(username, fields.get("displayName"), fields.get("email"), password,
                submitted.roles(), submitted.organization(), submitted.departments(), fields.containsKey("enabled"));
        try {
            accounts.create(caller, request);
        } catch (DocumentRejectedException e) {
            return refused(caller, null, fields, errors(e));
        } catch (UsernameTakenException e) {
            return refused(caller, null, fields, Map.of("username",
                    List.of(Texts.get(Language.JA, "account.username.taken", Map.of("username", e.username())))));
        }
        return HttpResponse.seeOther(URI.create("/admin/users?created=" + username));
    }

    @Get(value = "/{username}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> edit(Caller caller, String username, @Nullable @QueryValue String saved,
                                           @Nullable @QueryValue String password) {
        Account account = accounts.find(caller, username);
        String notice = saved != null ? "変更を保存しました。" : password != null ? "パスワードを設定しました。" : null;
        return new ModelAndView<>("admin/user-form", formModel(caller, account, fieldsOf(account), Map.of(), notice));
    }

    @Post(value = "/{username}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> update(Caller caller, String username, @Body Map<String, String> fields) {
        Account account = accounts.find(caller, username);
        // Names and organizations do not change on this form; what it shows of them is the stored one.
        Map<String, String> shown = new LinkedHashMap<>(fields);
        shown.put("organization", organizationField(account.organization()));
        Submitted submitted = submitted(shown);
        if (!submitted.errors().isEmpty()) {
            return refused(caller, account, shown, submitted.errors());
        }
        UserRequest request = new UserRequest(null, fields.get("displayName"), fields.get("email"), null,
                submitted.roles(), account.organization(), submitted.departments(), fields.containsKey("enabled"));
        try {
            accounts.update(caller, username, request);
        } catch (DocumentRejectedException e) {
            return refused(caller, account, shown, errors(e));
        }
        return HttpResponse.seeOther(URI.create("/admin/users/" + username + "?saved"));
    }

    @Post(value = "/{username}/password", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> setPassword(Caller caller, String username, @Body Map<String, String> fields) {
        Account account = accounts.find(caller, username);
        String password = fields.getOrDefault("newPassword", "");
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (!password.equals(fields.getOrDefault("newPasswordAgain", ""))) {
            errors.put("newPasswordAgain", List.of("確認のパスワードが一致しません"));
        } else {
            // The stored fields unchanged, the password only: the same update as PUT /api/v1/users/{username}.
            UserRequest request = new UserRequest(null, account.displayName(), account.email(), password,
                    List.copyOf(account.roles()), account.organization(), List.copyOf(account.departments()), null);
            try {
                accounts.update(caller, username, request);
            } catch (DocumentRejectedException e) {
                for (Problem problem : e.problems()) {
                    String field = field(problem.path());
                    errors.computeIfAbsent("password".equals(field) ? "newPassword" : "passwordForm", k -> new ArrayList<>())
                            .add(problem.message(Language.JA));
                }
            }
        }
        if (!errors.isEmpty()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("admin/user-form", formModel(caller, account, fieldsOf(account), errors, null)));
        }
        return HttpResponse.seeOther(URI.create("/admin/users/" + username + "?password"));
    }

    /** What the form's checkboxes and organization choice say, or the errors of reading them. */
    private record Submitted(List<Role> roles, String organization, List<String> departments, Map<String, List<String>> errors) {
    }

    private Submitted submitted(Map<String, String> fields) {
        List<Role> roles = Arrays.stream(Role.values()).filter(r -> fields.containsKey("role." + r.name())).toList();
        String choice = fields.getOrDefault("organization", "");
        String organization = ALL_ORGANIZATIONS.equals(choice) ? null : choice.strip();
        List<String> departments = new ArrayList<>();
        Set<String> elsewhere = new LinkedHashSet<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!field.getKey().startsWith("dept.")) {
                continue;
            }
            String of = field.getKey().substring("dept.".length(), Math.max("dept.".length(), field.getKey().lastIndexOf('.')));
            if (of.equals(organization)) {
                departments.add(field.getValue());
            } else {
                elsewhere.add(field.getValue());
            }
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (!elsewhere.isEmpty()) {
            errors.put("departments", List.of("選んだ組織以外の課が選ばれています: " + String.join("、", elsewhere)));
        }
        return new Submitted(roles, organization, departments, errors);
    }

    /** The service's problems by form field: {@code departments[1]} is the departments' field. */
    private static Map<String, List<String>> errors(DocumentRejectedException e) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Problem problem : e.problems()) {
            errors.computeIfAbsent(field(problem.path()), k -> new ArrayList<>()).add(problem.message(Language.JA));
        }
        return errors;
    }

    private static String field(String path) {
        int end = path.length();
        for (char c : new char[] {'[', '.'}) {
            int at = path.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return path.substring(0, end);
    }

    private HttpResponse<?> refused(Caller caller, Account account, Map<String, String> fields, Map<String, List<String>> errors) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST)
                .body(new ModelAndView<>("admin/user-form", formModel(caller, account, fields, errors, null)));
    }

    /** The fields of a stored user as the form names them. */
    private static Map<String, String> fieldsOf(Account account) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", account.username());
        fields.put("displayName", account.displayName() == null ? "" : account.displayName());
        fields.put("email", account.email() == null ? "" : account.email());
        fields.put("organization", organizationField(account.organization()));
        account.roles().forEach(r -> fields.put("role." + r.name(), "on"));
        int n = 0;
        for (String department : account.departments()) {
            fields.put("dept." + account.organization() + ".stored" + n++, department);
        }
        if (account.enabled()) {
            fields.put("enabled", "on");
        }
        return fields;
    }

    private static String organizationField(String organization) {
        return organization == null ? ALL_ORGANIZATIONS : organization;
    }

    /**
     * The form's model: for a new user ({@code account} null) the organizations the caller
     * administers to choose from, for a stored one its own; each with its units as checkboxes.
     */
    private Map<String, Object> formModel(Caller caller, Account account, Map<String, String> fields,
                                          Map<String, List<String>> errors, String notice) {
        boolean creating = account == null;
        Map<String, Object> model = layout.model(caller, creating ? "利用者の追加" : "利用者の編集: " + account.username());
        model.put("creating", creating);
        model.put("username", creating ? "" : account.username());
        model.put("action", creating ? "/admin/users/new" : "/admin/users/" + account.username());
        model.put("fields", fields);
        model.put("errors", errors);
        model.put("notice", notice);
        model.put("minLength", AccountFields.MIN_PASSWORD_LENGTH);
        model.put("roles", Arrays.stream(Role.values()).map(r -> Map.of(
                "name", r.name(), "label", Layout.roleName(r), "checked", fields.containsKey("role." + r.name()))).toList());
        String chosen = fields.getOrDefault("organization", "");
        Set<String> checked = fields.entrySet().stream().filter(e -> e.getKey().startsWith("dept.")).map(Map.Entry::getValue)
                .collect(Collectors.toSet());
        List<String> shownOrganizations = new ArrayList<>();
        if (creating) {
            organizations.organizationIds().stream()
                    .filter(id -> caller.mayOrganizationOrAll(Action.ADMINISTER, id))
                    .forEach(shownOrganizations::add);
        } else if (account.organization() != null) {
            shownOrganizations.add(account.organization());
        }
        List<Map<String, Object>> choices = new ArrayList<>();
        if (creating && caller.mayOrganizationOrAll(Action.ADMINISTER, null)) {
            choices.add(Map.of("id", ALL_ORGANIZATIONS, "name", "なし(全組織の管理者)", "selected", ALL_ORGANIZATIONS.equals(chosen),
                    "units", List.of()));
        }
        for (String id : shownOrganizations) {
            List<Department> units = organizations.directory(id).map(d -> d.units()).orElse(List.of());
            List<Map<String, Object>> unitRows = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                String name = units.get(i).name();
                unitRows.add(Map.of("field", "dept." + id + "." + i, "name", name,
                        "checked", id.equals(chosen) && checked.contains(name)));
            }
            choices.add(Map.of("id", id, "name", layout.organizationName(id), "selected", id.equals(chosen), "units", unitRows));
        }
        model.put("organizations", choices);
        model.put("organizationName", creating ? "" : layout.organizationName(account.organization()));
        model.put("self", !creating && account.username().equals(caller.username()));
        return model;
    }

    private Map<String, Object> row(Account account) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("username", account.username());
        row.put("displayName", account.displayName() == null ? "" : account.displayName());
        row.put("email", account.email() == null ? "" : account.email());
        row.put("roles", account.roles().stream().map(Layout::roleName).collect(Collectors.joining("・")));
        row.put("organization", layout.organizationName(account.organization()));
        row.put("departments", String.join("、", account.departments()));
        row.put("enabled", account.enabled());
        row.put("href", "/admin/users/" + account.username());
        return row;
    }
}
