package io.banli.assignment.extension;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExtensionDecision", description = "The office approves or refuses an extension of the deadline.")
/** The office's decision on a unit's extension request. */
public record Decision(@NotNull Long unitId, @NotNull Boolean approved, LocalDate until,
        @NotBlank @Size(max = 2000) String reason) {
}
