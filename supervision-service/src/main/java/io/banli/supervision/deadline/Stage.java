package io.banli.supervision.deadline;

/** The stage a deadline is for, and the workflow event that starts its clock. */
public enum Stage {
    /** 签收: every assigned unit confirms receipt. */
    SIGN_FOR("assigned"),
    /** 会办意见: a co-unit sends its opinion to the lead unit. */
    CO_OPINION("assigned"),
    /** 答复: the written reply by a sole, lead or split unit. */
    REPLY("assigned"),
    /** 重办: handling again after an unsatisfied evaluation, ending in a second reply. */
    REHANDLING("rehandling-started");

    private final String startsOn;

    Stage(String startsOn) {
        this.startsOn = startsOn;
    }

    public String startsOn() {
        return startsOn;
    }
}
