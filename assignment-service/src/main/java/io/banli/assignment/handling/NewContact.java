package io.banli.assignment.handling;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A contact with the proposer: when, how and what was said. */
public record NewContact(@NotNull Contact.Timing timing, @NotNull Contact.Method method,
        @NotNull LocalDate contactedOn, @Size(max = 2000) String note) {
}
