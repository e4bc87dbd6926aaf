package jp.tenken.account;

/** What one cell of the §7 permission table grants to a role. */
enum Grant {
    /** "no" */
    NONE,
    /** "own departments" / "lines of own departments": only what belongs to the account's departments */
    OWN_DEPARTMENTS,
    /** "yes" (within the account's organization) */
    WHOLE_ORGANIZATION
}
