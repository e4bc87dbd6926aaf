package jp.tenken.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.csrf.resolver.CsrfTokenResolver;
import io.micronaut.security.csrf.resolver.FutureCsrfTokenResolver;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import jp.tenken.api.ErrorResponse;
import jp.tenken.api.Requests;
import jp.tenken.i18n.Texts;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The CSRF check of every form post (CONTRACT §8), with Micronaut Security's own token resolvers
 * (the {@code csrfToken} form field, the header) and validator (the token must equal the
 * {@code tenken-csrf} cookie's and carry the HMAC of TENKEN_SESSION_SECRET). The pages' forms also
 * carry the token in their action's query ({@code ?csrfToken=}), which is read first.
 *
 * <p>Why not the library's own filter ({@code micronaut.security.csrf.filter.enabled: false}):
 * it runs after the login filter, which is of the older kind ({@code HttpServerFilter}), and when
 * it had to wait for a form's body Micronaut 4.10 failed the request with a NullPointerException in
 * {@code AroundLegacyFilter} (micronaut-core issue 11341): every self-inspection form of more than
 * a few fields. This filter does the same check before the login filter, where waiting for the
 * body is safe. The token does not depend on who is logged in, so nothing is lost by checking first.
 */
// Pages only: an API request never runs this filter (each filter costs every request a little).
@ServerFilter(value = "^(?!/api/).*$", patternStyle = FilterPatternStyle.REGEX)
class CsrfCheck implements Ordered {

    /** The query parameter a page's form action carries the token in (the same name as the form field). */
    static final String QUERY_PARAMETER = "csrfToken";

    private static final String LOGIN_PATH = "/login";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final List<FutureCsrfTokenResolver<HttpRequest<?>>> resolvers;
    private final CsrfTokenValidator<HttpRequest<?>> validator;
    private final Pattern paths;

    CsrfCheck(List<FutureCsrfTokenResolver<HttpRequest<?>>> futureResolvers, List<CsrfTokenResolver<HttpRequest<?>>> resolvers,
              CsrfTokenValidator<HttpRequest<?>> validator,
              @Value("${tenken.csrf.paths}") String paths) {
        this.resolvers = FutureCsrfTokenResolver.of(resolvers, futureResolvers);
        this.validator = validator;
        this.paths = Pattern.compile(paths);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    CompletableFuture<@Nullable HttpResponse<?>> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod())) {
            return CompletableFuture.completedFuture(null);
        }
        if (LOGIN_PATH.equals(request.getPath())) {
            return CompletableFuture.completedFuture(LoginOrigin.isForeign(request) ? refused(request) : null);
        }
        if (!paths.matcher(request.getPath()).matches()) {
            return CompletableFuture.completedFuture(null);
        }
        // The pages put the token in the form's action as well as in its csrfToken field: read from
        // the query, it needs no wait for the body (a large form's body read here was answered 503
        // by Micronaut 4.10 once the controller bound it).
        String inQuery = request.getParameters().get(QUERY_PARAMETER);
        CompletableFuture<String> found = inQuery != null && !inQuery.isEmpty()
                ? CompletableFuture.completedFuture(inQuery) : resolve(request, 0);
        return found.thenApply(token -> token != null && !token.isEmpty() && validator.validateCsrfToken(request, token)
                ? null : refused(request));
    }

    private static HttpResponse<?> refused(HttpRequest<?> request) {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(ErrorResponse.of("forbidden",
                Texts.get(Requests.language(request), "access.csrf")));
    }

    /** The token of the first resolver that finds one, in the resolvers' order. */
    private CompletableFuture<String> resolve(HttpRequest<?> request, int index) {
        if (index >= resolvers.size()) {
            return CompletableFuture.completedFuture(null);
        }
        return resolvers.get(index).resolveToken(request)
                .exceptionally(failure -> null)
                .thenCompose(token -> token != null && !token.isEmpty()
                        ? CompletableFuture.completedFuture(token) : resolve(request, index + 1));
    }
}
