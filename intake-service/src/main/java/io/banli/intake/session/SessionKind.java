package io.banli.intake.session;

/** Deputies file suggestions at a people's congress session; members file proposals at a CPPCC session. */
public enum SessionKind {
    PEOPLES_CONGRESS,
    CPPCC
}
