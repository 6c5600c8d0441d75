package io.banli.assignment.reply;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A unit's reply draft: text, result class, disclosure and the commitments it promises. */
public record NewReply(@NotBlank @Size(max = 50_000) String text, @NotNull ResultClass resultClass,
        Disclosure disclosure, @Size(max = 500) String confidentialReason,
        @Size(max = 50) List<@Valid @NotNull NewCommitment> commitments) {

    public record NewCommitment(@NotBlank @Size(max = 1000) String action, @NotNull LocalDate promisedOn) {
    }
}
