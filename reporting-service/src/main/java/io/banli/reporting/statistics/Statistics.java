package io.banli.reporting.statistics;

import java.time.Instant;
import java.util.Map;

/** Counts for one selection of submissions; each map's values add up to {@code total}. */
public record Statistics(Long sessionId, String kind, long total, Map<String, Long> byKind,
        Map<HandlingState, Long> byState, Instant asOf) {
}
