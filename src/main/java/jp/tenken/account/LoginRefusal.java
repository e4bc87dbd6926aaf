package jp.tenken.account;

import io.micronaut.http.HttpRequest;

import java.util.Optional;

/**
 * Why the credentials of a request were refused, left on the request for the answer: a name under
 * lockout is answered 429, anything else 401 (CONTRACT §7). The refused request is anonymous by
 * then, so this attribute is the only way the answer can tell the two apart.
 */
public enum LoginRefusal {
    /** Wrong or unknown name or password, or a disabled account: 401. */
    CREDENTIALS,
    /** Too many failures for this name lately: 429. */
    LOCKED;

    private static final String ATTRIBUTE = "tenken.login-refusal";

    void mark(HttpRequest<?> request) {
        if (request != null) {
            request.setAttribute(ATTRIBUTE, this);
        }
    }

    public static Optional<LoginRefusal> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, LoginRefusal.class);
    }
}
