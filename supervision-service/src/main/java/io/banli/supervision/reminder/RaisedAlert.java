package io.banli.supervision.reminder;

import java.time.Instant;

import io.banli.supervision.rule.Stage;

/** An alert the sweep has just raised on a unit's duty: what its reminders are planned from. */
public record RaisedAlert(long deadlineId, long submissionId, Integer submissionNumber, long unitId, Stage stage, String level, Instant dueAt,
        boolean keyItem, String leadingOfficial, Long commitmentId) {
}
