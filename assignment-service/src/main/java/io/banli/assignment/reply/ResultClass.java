package io.banli.assignment.reply;

/** 办理结果分类, marked at the top right of the reply's first page. */
public enum ResultClass {
    /** Solved or basically solved. */
    A,
    /** Being solved or planned, to be solved step by step. */
    B,
    /** Cannot be solved now because of law, policy or conditions; explained. */
    C,
    /** Kept for reference. */
    D
}
