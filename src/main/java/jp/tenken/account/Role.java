package jp.tenken.account;

/** The roles of CONTRACT §7; what each may do is decided by {@link Permissions} alone. */
public enum Role {
    ADMIN,
    PLAN_EDITOR,
    SECURITY_OFFICER,
    AUDITOR
}
