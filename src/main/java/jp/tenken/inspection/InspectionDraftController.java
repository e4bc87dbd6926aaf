package jp.tenken.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.NotFoundException;
import jp.tenken.api.QueryParameters;
import jp.tenken.api.Requests;
import jp.tenken.document.DocumentReader;

import java.util.Map;

/**
 * Drafts of a department's self-inspection over HTTP: read, save (replacing), delete. The
 * department in the path is percent-encoded UTF-8 ({@code %E5%B8%82%E6%B0%91%E8%AA%B2} for 市民課).
 */
@Controller("/api/v1/inspections/drafts/{organization}/{department}/{fiscalYear}")
class InspectionDraftController {

    private final DocumentReader reader;
    private final InspectionDraftService service;

    InspectionDraftController(DocumentReader reader, InspectionDraftService service) {
        this.reader = reader;
        this.service = service;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    InspectionDraft find(Caller caller, String organization, String department, String fiscalYear) {
        caller.requireRole(Action.INSPECTION_SUBMIT);
        int year = QueryParameters.year(fiscalYear);
        return service.find(caller, organization, department, year)
                .orElseThrow(() -> new NotFoundException("draft.not-found",
                        Map.of("department", department, "fiscalYear", String.valueOf(year))));
    }

    @Put(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    InspectionDraft save(HttpRequest<?> request, Caller caller, String organization, String department, String fiscalYear,
                         @Body @Nullable byte[] body) {
        // Refused before the body is read, as a submission is.
        caller.requireRole(Action.INSPECTION_SUBMIT);
        int year = QueryParameters.year(fiscalYear);
        DraftRequest draft = reader.read(body, Requests.format(request), DraftRequest.class);
        return service.save(caller, organization, department, year, draft);
    }

    @Delete
    HttpResponse<Void> delete(Caller caller, String organization, String department, String fiscalYear) {
        caller.requireRole(Action.INSPECTION_SUBMIT);
        service.delete(caller, organization, department, QueryParameters.year(fiscalYear));
        return HttpResponse.noContent();
    }
}
