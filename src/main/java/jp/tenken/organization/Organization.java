package jp.tenken.organization;

import java.util.List;

/** An organization of the registry, as written in {@code seeds/organizations/<id>.yaml}. */
public record Organization(String id, String name, List<Department> departments) {
    public Organization {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }
}
