package jp.tenken.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.BoundedWork;
import jp.tenken.api.QueryParameters;
import jp.tenken.api.Requests;
import jp.tenken.document.DocumentReader;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Audits over HTTP (CONTRACT §5): record, read, follow corrective actions, coverage of a year. */
@Controller("/api/v1/audits")
class AuditController {

    private final DocumentReader reader;
    private final AuditService service;

    AuditController(DocumentReader reader, AuditService service) {
        this.reader = reader;
        this.service = service;
    }

    @BoundedWork
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<AuditResponse>> record(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body,
                                                          @Nullable @QueryValue String asOf) {
        caller.requireRole(Action.AUDIT_WRITE);
        AuditRecord record = reader.read(body, Requests.format(request), AuditRecord.class);
        // A future, so that BoundedWork can move a large document off the thread that received it.
        return CompletableFuture.completedFuture(
                HttpResponse.created(service.record(caller, record, QueryParameters.asOf(asOf), Requests.language(request))));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    List<AuditResponse> list(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String organization,
                             @Nullable @QueryValue String fiscalYear, @Nullable @QueryValue String department,
                             @Nullable @QueryValue String asOf) {
        return service.list(caller, QueryParameters.required("organization", organization), QueryParameters.optionalYear(fiscalYear),
                department, QueryParameters.asOf(asOf), Requests.language(request));
    }

    @Get(value = "/coverage", produces = MediaType.APPLICATION_JSON)
    CoverageReport coverage(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String organization,
                            @Nullable @QueryValue String fiscalYear, @Nullable @QueryValue String asOf) {
        return service.coverage(caller, QueryParameters.required("organization", organization), QueryParameters.year(fiscalYear),
                QueryParameters.asOf(asOf), Requests.language(request));
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    AuditResponse find(HttpRequest<?> request, Caller caller, String id, @Nullable @QueryValue String asOf) {
        return service.find(caller, id, QueryParameters.asOf(asOf), Requests.language(request));
    }

    /** Records that the corrective action of one finding was completed: {@code {"completedOn": "2025-03-10"}}. */
    @Post(value = "/{id}/findings/{findingId}/completion", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    AuditResponse complete(HttpRequest<?> request, Caller caller, String id, String findingId, @Body @Nullable byte[] body,
                           @Nullable @QueryValue String asOf) {
        caller.requireRole(Action.AUDIT_WRITE);
        Completion completion = reader.read(body, Requests.format(request), Completion.class);
        return service.complete(caller, id, findingId, completion, QueryParameters.asOf(asOf), Requests.language(request));
    }
}
