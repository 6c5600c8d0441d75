package io.banli.kit.outbox;

import java.util.UUID;

/** Fired inside the writing transaction; observed after commit to relay without waiting for the poll. */
public record OutboxAppended(UUID eventId) {
}
