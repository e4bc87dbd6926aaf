package jp.tenken.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/**
 * The login form of CONTRACT §7 (fields {@code username}, {@code password}, posted to /login, which
 * Micronaut Security answers with the login cookie). It says why a login failed, the lockout
 * included, and that a changed password needs a new login.
 */
@Controller("/login")
class LoginPage {

    private final LoginThrottle throttle;

    LoginPage(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> show(@Nullable @QueryValue String error, @Nullable @QueryValue String locked,
                                           @Nullable @QueryValue String changed) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "ログイン");
        if (locked != null) {
            model.put("error", "ログインの失敗が続いたため、この利用者名はしばらくログインできません。"
                    + throttle.window().toMinutes() + "分ほど待ってからもう一度お試しください。");
        } else if (error != null) {
            model.put("error", "利用者名またはパスワードが違います。");
        }
        if (changed != null) {
            model.put("notice", "パスワードを変更しました。新しいパスワードでログインしてください。");
        }
        return new ModelAndView<>("account/login", model);
    }
}
