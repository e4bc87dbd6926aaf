package jp.tenken.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * An upload under the id of another organization's plan or evaluation: {@code 409} in the error
 * shape, the {@code organization} field at fault. The message names the id and the upload's
 * organization, not the organization that owns the document.
 */
@Produces
@Singleton
@Requires(classes = {OfAnotherOrganizationException.class, ExceptionHandler.class})
final class OfAnotherOrganizationHandler implements ExceptionHandler<OfAnotherOrganizationException, HttpResponse<ErrorResponse>> {

    @Override
    public HttpResponse<ErrorResponse> handle(HttpRequest request, OfAnotherOrganizationException e) {
        String message = e.message(Requests.language(request));
        return HttpResponse.<ErrorResponse>status(HttpStatus.CONFLICT).body(new ErrorResponse(e.code(),
                message, List.of(new ErrorResponse.Violation("organization", message))));
    }
}
