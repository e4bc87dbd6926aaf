package jp.tenken.account;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.Size;
import jp.tenken.document.Identifier;

import java.util.List;

/**
 * The body of {@code POST /api/v1/users} and {@code PUT /api/v1/users/{username}} (CONTRACT §7).
 * Read strictly like every document; the field rules beyond the types are checked by
 * {@link AccountService}, each answered 400 naming its field.
 *
 * @param username     required on create; on update absent or the name in the URL (names do not change)
 * @param password     required on create; on update absent to keep it
 * @param organization null only for an ADMIN of all organizations
 * @param departments  unit names (or aliases, former names) of the organization; stored by their current name
 * @param enabled      absent: true on create, unchanged on update
 */
public record UserRequest(String username,
                          @Size(max = 200) String displayName,
                          String email,
                          String password,
                          @JsonSetter(contentNulls = Nulls.FAIL) List<Role> roles,
                          @Identifier String organization,
                          @JsonSetter(contentNulls = Nulls.FAIL) List<String> departments,
                          Boolean enabled) {
}
