package jp.tenken.account;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field rules of CONTRACT §7 (users), in one place for the first admin now and the users API
 * later. Each check answers the problem of the field, or nothing when the value is fine.
 */
public final class AccountFields {

    public static final int MIN_PASSWORD_LENGTH = 12;

    /** ASCII only: names appear in URLs (/users/{username}), logs and the activity trail. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    private AccountFields() {
    }

    /** Whether a user of this name could exist at all (a cheap test before any lookup). */
    public static boolean isPossibleUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public static Optional<FieldProblem> username(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.of(new FieldProblem("username", "3 to 64 of the characters A-Z a-z 0-9 . _ -"));
        }
        return Optional.empty();
    }

    /** Counted in characters as people see them (code points), so 12 kanji are 12, not 24 bytes or units. */
    public static Optional<FieldProblem> password(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return Optional.of(new FieldProblem("password", "at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        return Optional.empty();
    }

    /** A SECURITY_OFFICER acts on its departments and needs at least one. */
    public static Optional<FieldProblem> departments(Set<Role> roles, Set<String> departments) {
        if (roles.contains(Role.SECURITY_OFFICER) && (departments == null || departments.isEmpty())) {
            return Optional.of(new FieldProblem("departments", "a SECURITY_OFFICER needs at least one department"));
        }
        return Optional.empty();
    }
}
