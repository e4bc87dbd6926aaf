package jp.tenken.organization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit of the organization (課・室・センター・館 …), or with {@code group} a designation such as
 * 庁内各課 that plans use in place of units: valid in a plan, never inspected or audited.
 *
 * <p>The registry file writes each former name as a name or as {@code {name, usedUntil}}; the
 * registry's answer ({@code GET …/departments}) keeps {@code formerNames} a list of names, as it
 * always was, and gives the known validities beside it in {@code formerNamesUsedUntil}.
 *
 * @param aliases      other names that mean this unit today
 * @param formerEntries names the unit had before a reorganisation; plans that use them still resolve
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Department(String name, String bureau, List<String> aliases,
                         @JsonIgnore List<FormerName> formerEntries, boolean group) {
    public Department {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        formerEntries = formerEntries == null ? List.of() : List.copyOf(formerEntries);
    }

    @JsonCreator
    static Department read(@JsonProperty("name") String name, @JsonProperty("bureau") String bureau,
                           @JsonProperty("aliases") @JsonSetter(contentNulls = Nulls.FAIL) List<String> aliases,
                           @JsonProperty("formerNames") @JsonSetter(contentNulls = Nulls.FAIL) List<FormerName> formerNames,
                           @JsonProperty("group") boolean group) {
        return new Department(name, bureau, aliases, formerNames, group);
    }

    /** The former names, without their validity. */
    @JsonProperty("formerNames")
    public List<String> formerNames() {
        return formerEntries.stream().map(FormerName::name).toList();
    }

    /** The last fiscal year each former name was in use, for those the registry gives it. */
    @JsonProperty("formerNamesUsedUntil")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Integer> formerNamesUsedUntil() {
        Map<String, Integer> until = new LinkedHashMap<>();
        formerEntries.stream().filter(f -> f.usedUntil() != null).forEach(f -> until.put(f.name(), f.usedUntil()));
        return until;
    }
}
