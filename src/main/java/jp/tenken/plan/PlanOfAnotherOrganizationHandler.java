package jp.tenken.plan;

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
 * An upload under the id of another organization's plan: {@code 409} in the error shape, the
 * {@code organization} field at fault. The message names the id and the upload's organization, not
 * the organization that owns the plan.
 */
@Produces
@Singleton
@Requires(classes = {PlanOfAnotherOrganizationException.class, ExceptionHandler.class})
final class PlanOfAnotherOrganizationHandler
        implements ExceptionHandler<PlanOfAnotherOrganizationException, HttpResponse<ErrorResponse>> {

    @Override
    public HttpResponse<ErrorResponse> handle(HttpRequest request, PlanOfAnotherOrganizationException e) {
        String message = Texts.get(Requests.language(request), "plan.other-organization",
                Map.of("id", e.planId(), "organization", e.organization()));
        return HttpResponse.<ErrorResponse>status(HttpStatus.CONFLICT).body(new ErrorResponse("plan_of_another_organization",
                message, List.of(new ErrorResponse.Violation("organization", message))));
    }
}
