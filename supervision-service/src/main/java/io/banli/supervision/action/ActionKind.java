package io.banli.supervision.action;

/** The office's supervision measures, mildest first. */
public enum ActionKind {
    /** 电话催办. */
    REMINDER_CALL,
    /** 书面督办通知. */
    WRITTEN_NOTICE,
    /** 实地督查. */
    ON_SITE_INSPECTION,
    /** 约谈: the unit's head is called in. */
    INTERVIEW
}
