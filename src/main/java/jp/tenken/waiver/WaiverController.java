package jp.tenken.waiver;

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
import jp.tenken.api.QueryParameters;
import jp.tenken.api.Requests;
import jp.tenken.document.DocumentReader;

import java.util.List;

/** Waivers over HTTP (CONTRACT §12): create, list an organization's, revoke. */
@Controller("/api/v1/waivers")
class WaiverController {

    private final DocumentReader reader;
    private final WaiverService service;

    WaiverController(DocumentReader reader, WaiverService service) {
        this.reader = reader;
        this.service = service;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Waiver> create(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body) {
        caller.requireRole(Action.WAIVER_WRITE);
        WaiverRequest waiver = reader.read(body, Requests.format(request), WaiverRequest.class);
        return HttpResponse.created(service.create(caller, waiver));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    List<Waiver> list(Caller caller, @Nullable @QueryValue String organization) {
        return service.list(caller, QueryParameters.required("organization", organization));
    }

    @Post(value = "/{id}/revocation", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    Waiver revoke(Caller caller, String id) {
        return service.revoke(caller, id);
    }
}
