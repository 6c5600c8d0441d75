package io.banli.supervision.explanation;

import java.time.Instant;

/** A filed overdue explanation as the API shows it. */
public record ExplanationView(Long deadlineId, String text, Instant filedAt, String filedBy) {
    static ExplanationView of(OverdueExplanation e) {
        return new ExplanationView(e.deadlineId, e.text, e.filedAt, e.filedBy);
    }
}
