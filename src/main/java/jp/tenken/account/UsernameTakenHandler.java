package jp.tenken.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import jp.tenken.api.ErrorResponse;
import jp.tenken.api.Requests;
import jp.tenken.i18n.Texts;

import java.util.List;
import java.util.Map;

/** A user name that exists already: {@code 409} in the error shape, the {@code username} field at fault. */
@Produces
@Singleton
@Requires(classes = {UsernameTakenException.class, ExceptionHandler.class})
final class UsernameTakenHandler implements ExceptionHandler<UsernameTakenException, HttpResponse<ErrorResponse>> {

    @Override
    public HttpResponse<ErrorResponse> handle(HttpRequest request, UsernameTakenException e) {
        String message = Texts.get(Requests.language(request), "account.username.taken", Map.of("username", e.username()));
        return HttpResponse.<ErrorResponse>status(HttpStatus.CONFLICT).body(new ErrorResponse("username_taken", message,
                List.of(new ErrorResponse.Violation("username", message))));
    }
}
