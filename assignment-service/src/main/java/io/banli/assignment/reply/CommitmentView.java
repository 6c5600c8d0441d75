package io.banli.assignment.reply;

import java.time.LocalDate;

/** A commitment a reply promised, with its progress. */
public record CommitmentView(Long id, String action, LocalDate promisedOn, int percent, boolean fulfilled) {
    public static CommitmentView of(Commitment c) {
        return new CommitmentView(c.id, c.action, c.promisedOn, c.percent, c.fulfilled);
    }
}
