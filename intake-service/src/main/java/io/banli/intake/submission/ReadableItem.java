package io.banli.intake.submission;

import java.util.List;

/** A submission this caller may read, with its co-signers (every state, in member order) read beside it. */
public record ReadableItem(Submission submission, List<SubmissionView.CoSignerView> coSigners) {
}
