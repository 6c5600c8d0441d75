package io.banli.intake.review;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The office registers many reviewed items of a session at once: the items listed (numbered in the order given) or,
 * with {@code allReceived}, every item of the session waiting for review (numbered by the committee's number, then
 * in the order filed). Exactly one of the two.
 */
@Schema(name = "BulkRegistration", description = "Register (立案) a list of a session's received items, or all of them.")
public record BulkRegistration(
        @Schema(nullable = true, description = "The items, numbered in this order") @Size(min = 1, max = 5000)
        List<@NotNull Long> submissionIds,
        @Schema(nullable = true, description = "true: every RECEIVED item of the session") Boolean allReceived) {
}
