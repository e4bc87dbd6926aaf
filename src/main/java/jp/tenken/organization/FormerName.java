package jp.tenken.organization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A name a unit had before a reorganisation. The registry writes it as the name alone, or as
 * {@code {name: …, usedUntil: 2021}} when it is known until which fiscal year the name was in use:
 * a plan of a later year that still uses it is told so (PLAN-DEPARTMENT-FORMER-NAME).
 *
 * @param usedUntil the last fiscal year the name was in use; null when not known
 */
public record FormerName(String name, Integer usedUntil) {

    /** The earliest and latest fiscal year a registry may give, those a plan's period may name. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;

    @JsonCreator
    public FormerName(@JsonProperty("name") String name, @JsonProperty("usedUntil") Integer usedUntil) {
        this.name = name;
        this.usedUntil = usedUntil;
    }

    /** The short form: the name alone, its validity not known. */
    @JsonCreator
    public static FormerName of(String name) {
        return new FormerName(name, null);
    }
}
