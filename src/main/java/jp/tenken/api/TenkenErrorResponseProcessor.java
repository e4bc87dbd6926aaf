package jp.tenken.api;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import jakarta.inject.Singleton;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Language;
import jp.tenken.i18n.Texts;

import java.util.Map;

/**
 * Gives the errors Micronaut itself answers (unknown URL, wrong method, body over the size limit,
 * URL or headers too long, unreadable request, an unexpected failure) the same shape as Tenken's own: {@code code},
 * {@code message}, {@code violations}. Exception texts are never passed on, so no class name or
 * stack trace reaches a client.
 */
@Primary
@Singleton
final class TenkenErrorResponseProcessor implements ErrorResponseProcessor<ErrorResponse> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<ErrorResponse> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        Language language = Requests.language(context.getRequest());
        HttpStatus tooLong = lineOrHeadersTooLong(context.getRequest());
        if (tooLong != null) {
            response.status(tooLong);
        }
        Problem parameter = parameterProblem(context.getRootCause().orElse(null));
        ErrorResponse body = parameter != null ? ErrorResponse.of(DocumentRejectedException.malformed(parameter), language)
                : switch (response.code()) {
            case 404 -> ErrorResponse.of("not_found", Texts.get(language, "http.not-found"));
            case 405 -> ErrorResponse.of("method_not_allowed", Texts.get(language, "http.method-not-allowed"));
            case 413 -> ErrorResponse.of("payload_too_large", Texts.get(language, "document.too-large",
                    Map.of("limit", String.valueOf(Limits.maxBodyBytes()))));
            case 414 -> ErrorResponse.of("uri_too_long", Texts.get(language, "http.uri-too-long",
                    Map.of("limit", String.valueOf(Limits.maxRequestLineBytes()))));
            case 431 -> ErrorResponse.of("header_too_large", Texts.get(language, "http.header-too-large",
                    Map.of("limit", String.valueOf(Limits.maxHeaderBytes()))));
            case 415 -> ErrorResponse.of("unsupported_media_type", Texts.get(language, "document.media-type"));
            case 406 -> ErrorResponse.of("not_acceptable", Texts.get(language, "http.not-acceptable"));
            default -> response.code() >= 500
                    ? ErrorResponse.of("internal_error", Texts.get(language, "http.internal"))
                    : ErrorResponse.of("bad_request", Texts.get(language, "http.bad-request",
                            Map.of("detail", HttpStatus.valueOf(response.code()).getReason())));
        };
        return ((MutableHttpResponse<ErrorResponse>) response).body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * 414 or 431 for a request whose line or headers Netty's HTTP decoder would not read (beyond
     * {@code micronaut.server.netty.max-initial-line-length} or {@code max-header-size}), else null.
     * Micronaut answers every {@code TooLongFrameException} of the decoder with 413, which would
     * tell the client its document is too large when it sent none (CONTRACT §14). The request's
     * headers are not read then, so the message is in the default language.
     */
    private static HttpStatus lineOrHeadersTooLong(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequest<?> netty)) {
            return null;
        }
        Throwable failure = netty.getNativeRequest().decoderResult().cause();
        if (failure instanceof TooLongHttpLineException) {
            return HttpStatus.REQUEST_URI_TOO_LONG;
        }
        if (failure instanceof TooLongHttpHeaderException) {
            return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return null;
    }

    /**
     * A path or query parameter that Micronaut could not bind (a version that is not a number, a
     * required parameter left out), named as Tenken's own parameter checks name them.
     */
    private static Problem parameterProblem(Throwable cause) {
        if (cause instanceof ConversionErrorException conversion) {
            Class<?> type = conversion.getArgument().getType();
            boolean integer = type == int.class || type == Integer.class || type == long.class || type == Long.class;
            String name = conversion.getArgument().getName();
            if (!integer) {
                return Problem.of(name, "document.type.value");
            }
            // Digits that do not fit are a number out of range, as in a document.
            boolean digits = conversion.getConversionError().getOriginalValue()
                    .map(v -> String.valueOf(v).trim().matches("[+-]?\\d+")).orElse(false);
            return Problem.of(name, digits ? "document.range" : "document.type.integer");
        }
        if (cause instanceof UnsatisfiedArgumentException unsatisfied) {
            return Problem.of(unsatisfied.getArgument().getName(), "query.required");
        }
        return null;
    }
}
