package jp.tenken.account;

import java.util.List;

/**
 * A user as the users API shows it: never the password or its hash. Roles in the table's order,
 * departments by name.
 */
public record UserView(String username, String displayName, String email, List<Role> roles,
                       String organization, List<String> departments, boolean enabled) {

    public static UserView of(Account account) {
        return new UserView(account.username(), account.displayName(), account.email(), List.copyOf(account.roles()),
                account.organization(), List.copyOf(account.departments()), account.enabled());
    }
}
