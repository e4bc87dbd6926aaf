package jp.tenken.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** Sends a request and returns status and body as text, whether the answer is 2xx or not. */
public final class Http {
    private Http() {
    }

    public record Answer(int status, String body) {
    }

    /** The URI with its query values percent-encoded, as a browser or curl --data-urlencode sends them. */
    public static String encodeQuery(String uri) {
        int q = uri.indexOf('?');
        if (q < 0) {
            return uri;
        }
        StringBuilder encoded = new StringBuilder(uri.substring(0, q + 1));
        for (String pair : uri.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (encoded.charAt(encoded.length() - 1) != '?') {
                encoded.append('&');
            }
            encoded.append(pair, 0, eq + 1)
                    .append(java.net.URLEncoder.encode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }

    /**
     * Sends the request as the test service's first admin (HTTP Basic), who may do everything: only
     * for what is an admin's to do (users, a rules reload, an organization that does not exist).
     * Everything else is sent with {@link #sendAs} as the user a municipality would send it as.
     */
    public static Answer sendAsAdmin(HttpClient client, MutableHttpRequest<?> request) {
        return send(client, jp.tenken.TestUsers.asAdmin(request));
    }

    /**
     * Sends the request as the named test user (HTTP Basic with {@link jp.tenken.TestUsers#PASSWORD}),
     * the user a municipality would really send it as: create it first with {@code TestUsers}.
     */
    public static Answer sendAs(HttpClient client, String username, MutableHttpRequest<?> request) {
        return send(client, jp.tenken.TestUsers.as(username, request));
    }

    public static Answer send(HttpClient client, HttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return new Answer(response.code(), response.getBody().orElse(""));
        } catch (HttpClientResponseException e) {
            return new Answer(e.getStatus().getCode(), e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
