package jp.tenken.evaluation;

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

/**
 * An upload under the id of another organization's evaluation: {@code 409} in the error shape, the
 * {@code organization} field at fault. The message names the id and the upload's organization, not
 * the organization that owns the evaluation.
 */
@Produces
@Singleton
@Requires(classes = {EvaluationOfAnotherOrganizationException.class, ExceptionHandler.class})
final class EvaluationOfAnotherOrganizationHandler
        implements ExceptionHandler<EvaluationOfAnotherOrganizationException, HttpResponse<ErrorResponse>> {

    @Override
    public HttpResponse<ErrorResponse> handle(HttpRequest request, EvaluationOfAnotherOrganizationException e) {
        String message = Texts.get(Requests.language(request), "evaluation.other-organization",
                Map.of("id", e.evaluationId(), "organization", e.organization()));
        return HttpResponse.<ErrorResponse>status(HttpStatus.CONFLICT).body(new ErrorResponse("evaluation_of_another_organization",
                message, List.of(new ErrorResponse.Violation("organization", message))));
    }
}
