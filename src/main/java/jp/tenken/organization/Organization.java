package jp.tenken.organization;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.List;

/**
 * An organization of the registry, as written in {@code seeds/organizations/<id>.yaml}. An empty
 * entry ({@code -} alone) is refused while reading, where its line is known.
 */
public record Organization(String id, String name, @JsonSetter(contentNulls = Nulls.FAIL) List<Department> departments) {
    public Organization {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }
}
