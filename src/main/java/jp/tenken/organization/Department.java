package jp.tenken.organization;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.List;

/**
 * A unit of the organization (課・室・センター・館 …), or with {@code group} a designation such as
 * 庁内各課 that plans use in place of units: valid in a plan, never inspected or audited.
 *
 * @param aliases     other names that mean this unit today
 * @param formerNames names the unit had before a reorganisation; plans that use them still resolve
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Department(String name, String bureau,
                         @JsonSetter(contentNulls = Nulls.FAIL) List<String> aliases,
                         @JsonSetter(contentNulls = Nulls.FAIL) List<String> formerNames,
                         boolean group) {
    public Department {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    }
}
