package io.banli.intake.submission;

/** Intake's part of the lifecycle; handling states live in assignment-service. */
public enum SubmissionState {
    REGISTERED
}
