package jp.tenken.account;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.net.URI;
import java.util.Locale;

/**
 * Refuses a login form posted from another site (login CSRF: a page elsewhere logging the
 * victim's browser in as the attacker, so that what the victim types lands in the attacker's
 * account).
 *
 * <p>Why the Origin header and not a token: the contract names the login form's fields as
 * {@code username} and {@code password} only, and clients that post just those must keep
 * working. Every browser sends {@code Origin} with a form post, so a post whose Origin (or, without
 * one, Referer) names another host than the one the request was sent to is refused; a client that
 * sends neither (curl, a script) is not a browser on a hostile page and is let through. The
 * login cookie itself is {@code SameSite=Strict}.
 */
final class LoginOrigin {

    private LoginOrigin() {
    }

    /** Whether the post names an origin other than the host it was sent to. */
    static boolean isForeign(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            origin = request.getHeaders().get(HttpHeaders.REFERER);
        }
        if (origin == null || host == null) {
            return false;
        }
        if ("null".equals(origin)) {
            // An opaque origin: a sandboxed frame or a data: page, never this service's own form.
            return true;
        }
        try {
            URI from = URI.create(origin.trim());
            URI to = URI.create(from.getScheme() + "://" + host.trim());
            return from.getHost() == null || to.getHost() == null
                    || !from.getHost().equalsIgnoreCase(to.getHost())
                    || port(from) != port(to);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
