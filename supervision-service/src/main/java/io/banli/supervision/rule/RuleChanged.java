package io.banli.supervision.rule;

/**
 * A rule got a new version: the open deadlines of the stage whose kind and level it fits (null: any)
 * are recomputed after commit, those it now governs or no longer governs.
 */
public record RuleChanged(Stage stage, String kind, String level) {
}
