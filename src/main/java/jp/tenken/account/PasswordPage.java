package jp.tenken.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.views.ModelAndView;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Language;
import jp.tenken.web.Layout;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The own-password page (CONTRACT §8): the same change as {@code POST /api/v1/me/password}. A
 * changed password ends every login made before it (this one too), so the user logs in again.
 */
@Controller("/password")
class PasswordPage {

    private final Layout layout;
    private final AccountService accounts;

    PasswordPage(Layout layout, AccountService accounts) {
        this.layout = layout;
        this.accounts = accounts;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> show(Caller caller) {
        return new ModelAndView<>("account/password", model(caller, Map.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> change(Caller caller, @Body Map<String, String> fields) {
        String newPassword = fields.getOrDefault("newPassword", "");
        if (!newPassword.equals(fields.getOrDefault("newPasswordAgain", ""))) {
            return refused(caller, Map.of("newPasswordAgain", List.of("確認のパスワードが新しいパスワードと一致しません")));
        }
        try {
            accounts.changeOwnPassword(caller, new PasswordChange(fields.get("currentPassword"), newPassword));
        } catch (DocumentRejectedException e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (Problem problem : e.problems()) {
                errors.computeIfAbsent(problem.path(), k -> new java.util.ArrayList<>()).add(problem.message(Language.JA));
            }
            return refused(caller, errors);
        }
        return HttpResponse.seeOther(URI.create("/login?changed"));
    }

    private HttpResponse<?> refused(Caller caller, Map<String, List<String>> errors) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("account/password", model(caller, errors)));
    }

    private Map<String, Object> model(Caller caller, Map<String, List<String>> errors) {
        Map<String, Object> model = layout.model(caller, "パスワード変更");
        model.put("errors", errors);
        model.put("minLength", AccountFields.MIN_PASSWORD_LENGTH);
        return model;
    }
}
