package io.banli.supervision.reminder;

/** Who at a unit is reminded. */
public enum ContactRole {
    /** 联络员: the unit's day-to-day contact for suggestions and proposals. */
    LIAISON,
    /** 负责人: the unit's head, told when a deadline is missed. */
    HEAD,
    /** 领衔领导: the official leading a key item, told when it is missed. */
    LEADER
}
