package io.banli.kit.outbox;

import java.util.UUID;

/**
 * Fired inside the writing transaction; observed after commit to relay without waiting for the poll. The event
 * id is null when the rows were written in bulk ({@link Outbox#relayAfterCommit}).
 */
public record OutboxAppended(UUID eventId) {
}
