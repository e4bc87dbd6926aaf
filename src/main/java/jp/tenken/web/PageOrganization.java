package jp.tenken.web;

import jakarta.inject.Singleton;
import jp.tenken.account.Caller;
import jp.tenken.api.NotFoundException;
import jp.tenken.organization.OrganizationRegistry;

import java.util.List;
import java.util.Map;

/**
 * The organization a page shows: the one asked for in {@code ?organization=}, else the user's own;
 * an ADMIN of all organizations gets the only one registered, or must name one. Whether the user may
 * see it is not decided here: the services that the page calls decide it, as for the API.
 */
@Singleton
public class PageOrganization {

    private final OrganizationRegistry organizations;

    PageOrganization(OrganizationRegistry organizations) {
        this.organizations = organizations;
    }

    public String of(Caller caller, String requested) {
        if (requested != null && !requested.isBlank()) {
            return requested.trim();
        }
        if (caller.account().organization() != null) {
            return caller.account().organization();
        }
        List<String> ids = organizations.organizationIds();
        if (ids.size() == 1) {
            return ids.get(0);
        }
        throw new NotFoundException("page.organization.required", Map.of("organizations", String.join(", ", ids)));
    }
}
