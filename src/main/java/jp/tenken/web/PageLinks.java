package jp.tenken.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Addresses of pages that several features link to. */
public final class PageLinks {

    private PageLinks() {
    }

    /** A department's page: {@code /departments/市民課}, the name percent-encoded as a path segment. */
    public static String department(String name) {
        return "/departments/" + segment(name);
    }

    /** A department's page with the organization named (for an ADMIN of all organizations). */
    public static String department(String name, String organization) {
        return department(name) + "?organization=" + query(organization);
    }

    public static String audit(String id) {
        return "/audits/" + segment(id);
    }

    /** A query value, percent-encoded. */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment, percent-encoded (a space as %20, never +). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
