package io.banli.supervision.rule;

public enum Kind {
    SUGGESTION,
    PROPOSAL
}
