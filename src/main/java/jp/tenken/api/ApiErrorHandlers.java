package jp.tenken.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.engine.Language;
import jp.tenken.engine.WorkStoppedException;
import jp.tenken.i18n.Texts;

/** Turns refused documents into 400/422 and unsupported bodies into 415, in the contract's error shape. */
final class ApiErrorHandlers {

    private ApiErrorHandlers() {
    }

    @Produces
    @Singleton
    @Requires(classes = {DocumentRejectedException.class, ExceptionHandler.class})
    static final class DocumentRejected implements ExceptionHandler<DocumentRejectedException, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, DocumentRejectedException e) {
            HttpStatus status = e.reason() == DocumentRejectedException.Reason.MALFORMED
                    ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
            return HttpResponse.<ErrorResponse>status(status).body(ErrorResponse.of(e, Requests.language(request)));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {Requests.UnsupportedMediaTypeException.class, ExceptionHandler.class})
    static final class UnsupportedMediaType implements ExceptionHandler<Requests.UnsupportedMediaTypeException, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, Requests.UnsupportedMediaTypeException e) {
            Language language = Requests.language(request);
            return HttpResponse.<ErrorResponse>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .body(ErrorResponse.of("unsupported_media_type", Texts.get(language, "document.media-type")));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {NotFoundException.class, ExceptionHandler.class})
    static final class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, NotFoundException e) {
            Language language = Requests.language(request);
            return HttpResponse.<ErrorResponse>status(HttpStatus.NOT_FOUND)
                    .body(ErrorResponse.of("not_found", Texts.get(language, e.key(), e.params())));
        }
    }

    /** Work stopped by its budget, its client or a full queue: 503, nothing stored, try again later. */
    @Produces
    @Singleton
    @Requires(classes = {WorkStoppedException.class, ExceptionHandler.class})
    static final class WorkStopped implements ExceptionHandler<WorkStoppedException, HttpResponse<ErrorResponse>> {
        private final WorkLimits limits;

        WorkStopped(WorkLimits limits) {
            this.limits = limits;
        }

        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, WorkStoppedException e) {
            Language language = Requests.language(request);
            String key = switch (e.reason()) {
                case TIME_BUDGET -> "work.time-budget";
                case BUSY -> "work.busy";
                case CLIENT_GONE -> "work.client-gone";
            };
            String message = Texts.get(language, key, java.util.Map.of(
                    "seconds", String.valueOf(limits.timeBudget().toSeconds()),
                    "wait", String.valueOf(limits.queueWait().toSeconds())));
            return HttpResponse.<ErrorResponse>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(io.micronaut.http.HttpHeaders.RETRY_AFTER, "10")
                    .body(ErrorResponse.of("work_stopped", message));
        }
    }
}
