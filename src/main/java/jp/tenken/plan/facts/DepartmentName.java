package jp.tenken.plan.facts;

import java.util.List;
import java.util.function.Function;

/**
 * A department name as the plan writes it, once however many rows name it, with its comparison key
 * and the places it appears. A city has a few dozen names over thousands of rows: one fact per
 * name keeps the registry lookup to a few dozen joins. The places are only needed for a name the
 * registry does not know, so they are looked up when a rule asks ({@code mentionsOf} walks the plan
 * once for all names, the first time), instead of recording every row's departments on every check.
 * {@code formerNameUsedUntil} is the last fiscal year the name was in use when the registry knows
 * it as a former name with that validity (null otherwise), {@code registryName} the name of the
 * unit it stands for today (null for a name the registry does not know).
 */
public record DepartmentName(String name, String key, Function<String, List<DepartmentMention>> mentionsOf,
                             Integer formerNameUsedUntil, String registryName) {

    /** Every place the plan names this department, in document order (list row before sheet). */
    public List<DepartmentMention> mentions() {
        return mentionsOf.apply(name);
    }
}
