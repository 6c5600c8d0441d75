package io.banli.intake.submission;

/** Why an item is not to be published (不公开). */
public enum Confidentiality {
    SECRET,
    COMMERCIAL,
    PRIVATE,
    /** At the proposer's request. */
    PROPOSER_REQUEST
}
