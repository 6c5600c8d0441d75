package io.banli.intake.member;

/** What kind of body files a group proposal (集体提案), as CPPCC reports count them. */
public enum GroupType {
    /** 民主党派: a democratic party's local committee, e.g. 民盟市委会. */
    PARTY,
    /** 人民团体: a people's organisation, e.g. the trade union federation, the women's federation. */
    PEOPLES_ORGANISATION,
    /** 专门委员会: a special committee of the CPPCC itself. */
    SPECIAL_COMMITTEE,
    /** 界别: a sector group of members. */
    SECTOR
}
