package jp.tenken.audit;

import jp.tenken.document.Lists;

import java.util.List;

/**
 * What the coverage rules look at: the units of the organization and which were audited when.
 *
 * @param audited one entry per department and fiscal year with at least one audit
 */
public record CoverageInput(int fiscalYear, int rotationYears, List<String> units, List<Audited> audited) {

    /** A department audited in a fiscal year. */
    public record Audited(String department, int fiscalYear) {
    }

    public CoverageInput {
        units = Lists.immutable(units);
        audited = Lists.immutable(audited);
    }
}
