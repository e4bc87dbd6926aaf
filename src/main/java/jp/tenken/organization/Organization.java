package jp.tenken.organization;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.List;

/**
 * An organization of the registry, as written in {@code seeds/organizations/<id>.yaml}. An empty
 * entry ({@code -} alone) is refused while reading, where its line is known. {@code securityOffice}
 * (optional) names the unit of the information-security office: its self-inspection also answers
 * the checklist's organization-level items for the whole organization (CONTRACT §15, README).
 */
public record Organization(String id, String name, String securityOffice,
                           @JsonSetter(contentNulls = Nulls.FAIL) List<Department> departments) {
    public Organization {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }
}
