package io.banli.supervision.rule;

/**
 * The stage a deadline is for, and the workflow event that starts its clock. Most stages are a unit's
 * duty: they go overdue, remind the unit and count in notices. Two are windows that simply close
 * (the unit may ask for an adjustment, the proposer may evaluate), and two are the office's own duty
 * (deciding an adjustment request, deciding an extension request). {@link StageNames} says each in Chinese.
 */
public enum Stage {
    /** 签收: every assigned unit confirms receipt. */
    SIGN_FOR("assigned", Owner.UNIT),
    /**
     * 申请调整: a unit may say "not ours" within this window, counted from the first assignment it received
     * (the pre-assignment, or the formal or direct assignment when there was none); when it passes, it expires.
     */
    ADJUSTMENT_REQUEST("pre-assigned", Owner.WINDOW),
    /** 调整审核: the office owes a decision on a unit's adjustment request. */
    ADJUSTMENT_DECISION("adjustment-requested", Owner.OFFICE),
    /** 会办意见: a co-unit sends its opinion to the lead unit. */
    CO_OPINION("assigned", Owner.UNIT),
    /** 答复: the written reply by a sole, lead or split unit. */
    REPLY("assigned", Owner.UNIT),
    /** 延期审批: the office owes a decision on a unit's extension request. */
    EXTENSION("extension-requested", Owner.OFFICE),
    /** 重办: handling again after an unsatisfied evaluation, ending in a second reply. */
    REHANDLING("rehandling-started", Owner.UNIT),
    /** 评价: the proposer's evaluation of a reply; when the window passes, it expires. */
    EVALUATION("replied", Owner.WINDOW),
    /** 承诺事项: a commitment due on its promised date, or a B-class item's yearly progress report (回头看). */
    COMMITMENT("replied", Owner.UNIT);

    /** Who a missed deadline of the stage is held against. */
    private enum Owner {
        UNIT,
        OFFICE,
        WINDOW
    }

    private final String startsOn;
    private final Owner owner;

    Stage(String startsOn, Owner owner) {
        this.startsOn = startsOn;
        this.owner = owner;
    }

    public String startsOn() {
        return startsOn;
    }

    /**
     * A unit's duty: missing it is overdue, reminds the unit's people, needs an overdue explanation and
     * counts in notices and rankings.
     */
    public boolean unitDuty() {
        return owner == Owner.UNIT;
    }

    /** A window that closes when it passes: it expires, never goes overdue, and reminds nobody. */
    public boolean expires() {
        return owner == Owner.WINDOW;
    }
}
