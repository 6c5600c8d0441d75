package io.banli.kit.security;

/** The roles of {@code architecture.md}; tokens carry them in the {@code groups} claim. */
public final class Roles {

    /** The government office: registers, assigns, supervises. */
    public static final String OFFICE = "office";
    /** Staff of a handling unit; the token names the unit in {@link Caller#UNIT_CLAIM}. */
    public static final String UNIT_STAFF = "unit-staff";
    /** Head of a handling unit: approves and signs replies. */
    public static final String UNIT_HEAD = "unit-head";
    /** A leader in charge of key items. */
    public static final String LEADER = "leader";
    /** A deputy or CPPCC member; the token names the member in {@link Caller#MEMBER_CLAIM}. */
    public static final String MEMBER = "member";
    /** An integrating system such as a delegate-duty portal. */
    public static final String PLATFORM = "platform";
    /** Read-only access, including the audit log. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
