package jp.tenken.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;

/**
 * GET /api/v1/openapi.yml (CONTRACT §13): the OpenAPI 3 description of the API, for any user who
 * is logged in. The Swagger UI page ({@code /swagger-ui/index.html}, served from the jar) reads it
 * from its default address, {@code /swagger/tenken-0.1.yml}, which answers the same document.
 */
@Hidden
@Controller
class OpenApiController {

    static final String YAML = "application/yaml";

    /** Built at the first request: a service nobody asks for it never reads it. */
    private volatile byte[] document;

    @Get(uris = {"/api/v1/openapi.yml", "/swagger/tenken-0.1.yml"}, produces = YAML)
    HttpResponse<byte[]> openApi(Caller caller) {
        caller.requireRole(Action.CATALOGUE_READ);
        byte[] current = document;
        if (current == null) {
            current = OpenApiDocument.load();
            document = current;
        }
        return HttpResponse.ok(current).contentType(YAML);
    }
}
