package jp.tenken.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.LoginCookieProvider;
import io.micronaut.security.token.cookie.RefreshTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;

/**
 * The cookie login of Micronaut Security, except that a name under lockout is sent back to the
 * login page with {@code ?locked}, so the page can say so instead of "wrong password" (CONTRACT §7).
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
@Requires(property = "micronaut.security.authentication", value = "cookie")
class LoginFailureRedirect extends TokenCookieLoginHandler {

    LoginFailureRedirect(RedirectService redirectService, RedirectConfiguration redirectConfiguration,
                         AccessTokenCookieConfiguration accessTokenCookieConfiguration,
                         RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
                         AccessTokenConfiguration accessTokenConfiguration,
                         AccessRefreshTokenGenerator accessRefreshTokenGenerator,
                         @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                         List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders) {
        super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
                accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse authenticationFailed, HttpRequest<?> request) {
        if (LoginRefusal.of(request).filter(r -> r == LoginRefusal.LOCKED).isPresent()) {
            return HttpResponse.seeOther(URI.create("/login?locked"));
        }
        return super.loginFailed(authenticationFailed, request);
    }
}
