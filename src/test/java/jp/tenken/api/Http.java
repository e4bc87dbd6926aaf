package jp.tenken.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** Sends a request and returns status and body as text, whether the answer is 2xx or not. */
public final class Http {
    private Http() {
    }

    public record Answer(int status, String body) {
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
