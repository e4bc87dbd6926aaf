package jp.tenken.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jp.tenken.document.DocumentFormat;
import jp.tenken.engine.Language;

/** What every endpoint reads off a request the same way: the reader's language and the body's format. */
public final class Requests {
    private Requests() {
    }

    public static Language language(HttpRequest<?> request) {
        return Language.of(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The format of the body; an unsupported Content-Type is refused with 415. */
    public static DocumentFormat format(HttpRequest<?> request) {
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        return DocumentFormat.ofMediaType(contentType)
                .orElseThrow(() -> new UnsupportedMediaTypeException(contentType));
    }

    /** A body in a notation Tenken does not read (XML, form data, …). */
    public static final class UnsupportedMediaTypeException extends RuntimeException {
        public UnsupportedMediaTypeException(String contentType) {
            super("unsupported media type " + contentType);
        }
    }
}
