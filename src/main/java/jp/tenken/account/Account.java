package jp.tenken.account;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user of the service as stored, without its password hash (which only the login needs, see
 * {@link UserStore#passwordHash}). {@code organization} is null only for an ADMIN of all
 * organizations; {@code departments} matter for a SECURITY_OFFICER (CONTRACT §7).
 */
public record Account(String username, String displayName, String email, Set<Role> roles,
                      String organization, Set<String> departments, boolean enabled) {

    public Account {
        // Copies, so an account handed around cannot change under the permission decision.
        roles = roles == null || roles.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Role.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        departments = departments == null
                ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(departments));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** An ADMIN without an organization acts on every organization. */
    public boolean ofAllOrganizations() {
        return organization == null && has(Role.ADMIN);
    }
}
