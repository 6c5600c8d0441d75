package io.banli.kit.deadletter;

import java.time.Instant;

/** What the dead-letter operations show: where a record sits, where it came from, and why it is there. */
public final class DeadLetterApi {

    private DeadLetterApi() {
    }

    /**
     * One record of the service's dead-letter topic. The event's data is not shown (it may hold personal
     * data); its id, type and subject say which event it is.
     */
    public record DeadLetterView(String topic, int partition, long offset, Instant deadLetteredAt,
            String originalTopic, Integer originalPartition, Long originalOffset, String eventId, String eventType,
            String subject, String reason, String cause) {
    }

    /** Where a replayed record was published again. */
    public record ReplayView(String deadLetterTopic, int partition, long offset, String topic, int toPartition,
            long toOffset, String eventId, String eventType) {
    }
}
