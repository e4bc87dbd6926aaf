package jp.tenken.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import jp.tenken.account.AccessDeniedException;
import jp.tenken.account.LoginRefusal;
import jp.tenken.account.LoginThrottle;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.engine.Language;
import jp.tenken.i18n.Texts;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The answers of CONTRACT §7 to a request that may not go on, in the error shape: 401 with
 * {@code WWW-Authenticate: Basic realm="tenken"} without valid credentials, 429 for a name under
 * lockout, 403 naming the missing permission. Pages (anything outside /api) are sent to the login
 * page instead of a 401. A refused write is recorded in the activity log as ACCESS_DENIED.
 */
final class AccessRefusals {

    static final String REALM = "Basic realm=\"tenken\"";

    private AccessRefusals() {
    }

    /** No, wrong or locked credentials, and the CSRF filter's refusals (forbidden). */
    @Singleton
    @Replaces(DefaultAuthorizationExceptionHandler.class)
    static final class Unauthenticated implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

        private final LoginThrottle throttle;

        Unauthenticated(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
            Language language = Requests.language(request);
            if (e.isForbidden()) {
                // Logged in, refused by a filter: the CSRF check of a form post.
                return HttpResponse.status(HttpStatus.FORBIDDEN)
                        .body(ErrorResponse.of("forbidden", Texts.get(language, "access.csrf")));
            }
            boolean locked = LoginRefusal.of(request).filter(r -> r == LoginRefusal.LOCKED).isPresent();
            if (!isApi(request)) {
                return HttpResponse.seeOther(URI.create(locked ? "/login?locked" : "/login"));
            }
            if (locked) {
                return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttle.window().toSeconds()))
                        .body(ErrorResponse.of("too_many_failed_logins", Texts.get(language, "access.locked",
                                Map.of("minutes", String.valueOf(throttle.window().toMinutes())))));
            }
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM)
                    .body(ErrorResponse.of("unauthorized", Texts.get(language, "access.unauthorized")));
        }
    }

    /** Logged in, but Permissions refuses: 403 naming the permission; a refused write is recorded. */
    @Singleton
    static final class Forbidden implements ExceptionHandler<AccessDeniedException, HttpResponse<ErrorResponse>> {

        private final ActivityLog activity;

        Forbidden(ActivityLog activity) {
            this.activity = activity;
        }

        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, AccessDeniedException e) {
            String permission = e.decision().missingPermission();
            if (isWrite(request.getMethod())) {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("method", request.getMethodName());
                target.put("path", request.getPath());
                target.put("permission", permission);
                String organization = e.organization() != null ? e.organization() : e.account().organization();
                activity.append(ActivityEntry.now(e.account().username(), ActivityAction.ACCESS_DENIED, organization,
                        target, Outcome.DENIED));
            }
            Language language = Requests.language(request);
            String reason = Texts.get(language, e.decision().reasonKey(), worded(e.decision().reasonParams(), language));
            return HttpResponse.<ErrorResponse>status(HttpStatus.FORBIDDEN).body(ErrorResponse.of("forbidden",
                    Texts.get(language, "access.forbidden", Map.of("permission", permission, "reason", reason))));
        }
    }

    /** The roles of a refusal as people call them (情報セキュリティ担当者), not by their ids. */
    private static Map<String, String> worded(Map<String, String> params, Language language) {
        if (!params.containsKey("roles")) {
            return params;
        }
        Map<String, String> worded = new LinkedHashMap<>(params);
        worded.put("roles", Arrays.stream(params.get("roles").split(",")).map(String::strip)
                .map(role -> Texts.getOr(language, "role." + role, role)).collect(Collectors.joining(language == Language.JA ? "・" : ", ")));
        return worded;
    }

    private static boolean isApi(HttpRequest<?> request) {
        return request.getPath().startsWith("/api/");
    }

    private static boolean isWrite(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }
}
