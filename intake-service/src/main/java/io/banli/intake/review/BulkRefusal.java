package io.banli.intake.review;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.intake.submission.Disposition;

/**
 * The office refuses (不予立案) many reviewed items of a session at once, with one reason and disposition: the items
 * listed or, with {@code allReceived}, every item of the session waiting for review. Exactly one of the two.
 */
@Schema(name = "BulkRefusal", description = "Refuse (不予立案) a list of a session's received items, or all of them.")
public record BulkRefusal(
        @Schema(nullable = true) @Size(min = 1, max = 5000) List<@NotNull Long> submissionIds,
        @Schema(nullable = true, description = "true: every RECEIVED item of the session") Boolean allReceived,
        @NotBlank @Size(max = 1000) String reason,
        @NotNull Disposition disposition) {
}
