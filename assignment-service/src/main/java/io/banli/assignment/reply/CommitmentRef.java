package io.banli.assignment.reply;

import java.time.LocalDate;

/** A commitment a sent reply promises, as {@link RepliedV1} names it. */
public record CommitmentRef(long commitmentId, LocalDate promisedOn) {
}
