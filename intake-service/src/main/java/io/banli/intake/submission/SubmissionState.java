package io.banli.intake.submission;

import java.util.EnumSet;
import java.util.Set;

/**
 * Intake's part of the lifecycle; handling states live in assignment-service. Every action names
 * the states it may start from, in this one place, so an illegal transition is refused with 409.
 */
public enum SubmissionState {
    /** Being written by the lead proposer through a portal; visible only to them and invited co-signers. */
    DRAFT,
    /** Filed, waiting for the office's review. */
    RECEIVED,
    /** 立案: numbered, handed on to assignment. */
    REGISTERED,
    /** 不予立案, with a reason and a disposition. */
    REFUSED,
    /** 并案: handled together with another item. */
    MERGED,
    /** Withdrawn in writing by the proposer; handling stops. */
    WITHDRAWN;

    /** The actions of intake and the states each may start from. */
    public enum Action {
        EDIT(DRAFT),
        INVITE(DRAFT),
        SIGN(DRAFT),
        FILE(DRAFT),
        REGISTER(RECEIVED),
        REFUSE(RECEIVED),
        MERGE(RECEIVED, REGISTERED),
        WITHDRAW(DRAFT, RECEIVED, REGISTERED, MERGED),
        UPDATE(RECEIVED, REGISTERED),
        ATTACH(DRAFT, RECEIVED, REGISTERED);

        private final Set<SubmissionState> from;

        Action(SubmissionState first, SubmissionState... rest) {
            this.from = EnumSet.of(first, rest);
        }

        public boolean allowedFrom(SubmissionState state) {
            return from.contains(state);
        }
    }
}
