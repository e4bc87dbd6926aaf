package jp.tenken.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/**
 * The login form of CONTRACT §7 (fields {@code username}, {@code password}, posted to /login, which
 * Micronaut Security answers with the login cookie). A plain page until the browser UI brings its
 * layout; it already says why a login failed, the lockout included.
 */
@Controller("/login")
class LoginPage {

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> show(@Nullable @QueryValue String error, @Nullable @QueryValue String locked) {
        String message = locked != null
                ? "ログインの失敗が続いたため、この利用者名はしばらくログインできません。15分ほど待ってからもう一度お試しください。"
                : error != null ? "利用者名またはパスワードが違います。" : null;
        String html = """
                <!DOCTYPE html>
                <html lang="ja"><head><meta charset="utf-8"><title>ログイン - Tenken</title></head>
                <body><main>
                <h1>Tenken 点検 ログイン</h1>
                %s<form method="post" action="/login" data-testid="login-form">
                <p><label>利用者名 <input name="username" autocomplete="username" required maxlength="64"></label></p>
                <p><label>パスワード <input name="password" type="password" autocomplete="current-password" required></label></p>
                <p><button type="submit">ログイン</button></p>
                </form></main></body></html>
                """.formatted(message == null ? "" : "<p role=\"alert\" data-testid=\"login-error\">" + message + "</p>\n");
        return HttpResponse.ok(html).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
    }
}
