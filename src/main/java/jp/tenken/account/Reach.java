package jp.tenken.account;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * How far an account may act in one organization for one action: nowhere, in some departments
 * only, or in the whole organization. Lists (e.g. the compliance list) filter their lines with
 * {@link #includes}; a thing of no particular department needs the whole organization.
 */
public record Reach(boolean wholeOrganization, Set<String> departments) {

    static final Reach NOTHING = new Reach(false, Set.of());
    static final Reach WHOLE = new Reach(true, Set.of());

    public Reach {
        departments = Collections.unmodifiableSortedSet(new TreeSet<>(departments));
    }

    public boolean isNothing() {
        return !wholeOrganization && departments.isEmpty();
    }

    /** Whether a thing of this department (null: of none in particular) is within reach. */
    public boolean includes(String department) {
        return wholeOrganization || (department != null && departments.contains(department));
    }
}
