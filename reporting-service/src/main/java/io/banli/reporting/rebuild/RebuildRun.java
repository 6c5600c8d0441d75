package io.banli.reporting.rebuild;

import java.time.Instant;

/**
 * One replay of the topics into a fresh projection.
 *
 * @param state       RUNNING, DONE or FAILED
 * @param total       records on the topics when the replay started
 * @param applied     records read so far (events of other types and refused records included)
 * @param matchesLive whether the rebuilt statistics equal the live ones at the moment of the swap
 */
public record RebuildRun(long id, String state, Instant startedAt, Instant finishedAt, long total, long applied,
        Boolean matchesLive, String detail) {
}
