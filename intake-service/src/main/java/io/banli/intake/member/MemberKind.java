package io.banli.intake.member;

/** Who stands on the register as a proposer. */
public enum MemberKind {
    /** 人大代表: files suggestions. */
    DEPUTY,
    /** 政协委员: files proposals. */
    CPPCC_MEMBER,
    /**
     * A group filing proposals in its own right (集体提案): a party, a people's organisation, a special committee or
     * a sector; its contact person (联系人) acts for it.
     */
    GROUP;

    /** Deputies are the people's congress's; CPPCC members and groups the CPPCC's: they file and co-sign apart. */
    public boolean cppcc() {
        return this != DEPUTY;
    }
}
