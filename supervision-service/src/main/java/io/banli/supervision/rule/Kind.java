package io.banli.supervision.rule;

/** The kind of item a rule may be narrowed to. */
public enum Kind {
    SUGGESTION,
    PROPOSAL
}
