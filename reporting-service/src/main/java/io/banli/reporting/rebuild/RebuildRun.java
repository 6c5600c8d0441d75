package io.banli.reporting.rebuild;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One replay of the topics into a fresh projection.
 *
 * @param state       RUNNING, DONE or FAILED
 * @param total       records on the topics when the replay started
 * @param applied     records read so far (events of other types and refused records included)
 * @param matchesLive whether the rebuilt statistics equal the live ones at the moment of the swap
 */
public record RebuildRun(long id, String state, Instant startedAt, @Schema(nullable = true) Instant finishedAt,
long total, long applied,
        @Schema(nullable = true) Boolean matchesLive, @Schema(nullable = true) String detail) {
}
