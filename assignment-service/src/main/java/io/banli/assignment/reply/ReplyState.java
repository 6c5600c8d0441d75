package io.banli.assignment.reply;

/** A reply version's way from the unit's draft to the proposer. */
public enum ReplyState {
    /** Written by the unit, may still be redrafted. */
    DRAFT,
    /** 审核签发: the unit's head signed it; its content is frozen. */
    APPROVED,
    /** With the office. */
    SUBMITTED,
    /** 退回: the office sent it back; kept as history, the unit writes a new one. */
    RETURNED,
    /** Accepted by the office and sent to the proposer and co-signers. */
    SENT,
    /** A sent reply a later correction replaced; kept unchanged. */
    SUPERSEDED
}
