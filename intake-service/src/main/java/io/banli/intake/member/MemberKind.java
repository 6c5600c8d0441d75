package io.banli.intake.member;

public enum MemberKind {
    /** 人大代表: files suggestions. */
    DEPUTY,
    /** 政协委员: files proposals. */
    CPPCC_MEMBER
}
