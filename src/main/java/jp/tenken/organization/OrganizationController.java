package jp.tenken.organization;

import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import jp.tenken.api.NotFoundException;

import java.util.List;
import java.util.Map;

/** GET /api/v1/organizations/{org}/departments: the registry of one organization. */
@Controller("/api/v1/organizations")
class OrganizationController {

    private final OrganizationRegistry registry;

    OrganizationController(OrganizationRegistry registry) {
        this.registry = registry;
    }

    @Get("/{org}/departments")
    List<Department> departments(Caller caller, String org) {
        caller.require(Action.CATALOGUE_READ, org);
        return registry.directory(org)
                .map(d -> d.organization().departments())
                .orElseThrow(() -> new NotFoundException("organization.unknown", Map.of("id", org)));
    }
}
