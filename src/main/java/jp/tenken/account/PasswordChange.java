package jp.tenken.account;

/** The body of {@code POST /api/v1/me/password}: the password now, to prove it is the user, and the new one. */
public record PasswordChange(String currentPassword, String newPassword) {
}
