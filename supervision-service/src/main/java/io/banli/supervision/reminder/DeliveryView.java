package io.banli.supervision.reminder;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reminder of the delivery log, its address masked. */
public record DeliveryView(Long id, Long submissionId, Long deadlineId, Long unitId, String level, String recipient,
        String channel, String address, String state, int attempts, Instant nextAttemptAt,
        @Schema(nullable = true) String lastError,
        Instant sentAt) {
}
