package io.banli.assignment.assignment;

/** What a unit owes in an assignment. */
public enum UnitRole {
    SOLE,
    /** 主办单位. */
    LEAD,
    /** 会办单位: sends an opinion to the lead unit, does not reply. */
    CO,
    /** A unit of a SPLIT assignment: replies on its own part. */
    SPLIT;

    public boolean replies() {
        return this != CO;
    }
}
