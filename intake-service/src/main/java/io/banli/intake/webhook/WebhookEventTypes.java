package io.banli.intake.webhook;

import java.util.Map;
import java.util.Optional;

/**
 * The events a platform may subscribe to, by the short names of the API, and the CloudEvents type each
 * stands for. Anything else on the topics (internal bookkeeping, notices about units) is never sent out.
 */
public final class WebhookEventTypes {

    static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry("banli.intake.submission.registered.v1", "registered"),
            Map.entry("banli.intake.submission.refused.v1", "refused"),
            Map.entry("banli.intake.submission.withdrawn.v1", "withdrawn"),
            Map.entry("banli.assignment.assigned.v1", "assigned"),
            Map.entry("banli.assignment.signed.v1", "signed"),
            Map.entry("banli.assignment.reply-submitted.v1", "reply-submitted"),
            Map.entry("banli.assignment.replied.v1", "replied"),
            Map.entry("banli.assignment.evaluated.v1", "evaluated"),
            Map.entry("banli.assignment.rehandling-started.v1", "rehandling-started"),
            Map.entry("banli.assignment.closed.v1", "closed"),
            Map.entry("banli.supervision.overdue.v1", "overdue"),
            Map.entry("banli.supervision.deadline-warning.v1", "deadline-warning"));

    private WebhookEventTypes() {
    }

    static boolean known(String shortName) {
        return BY_TYPE.containsValue(shortName);
    }

    static Optional<String> shortName(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
