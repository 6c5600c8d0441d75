package io.banli.supervision.rule;

import io.banli.supervision.deadline.Stage;

/** A rule got a new version; open deadlines of the stage (and kind, null for both) are recomputed after commit. */
public record RuleChanged(Stage stage, String kind) {
}
