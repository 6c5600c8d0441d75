package io.banli.intake.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The office registers (立案) a received item; a key item names its leading official. */
@Schema(name = "SubmissionRegistration", description = "The office registers (立案) a filed submission.")
public record Registration(@NotNull Long version, Boolean keyItem, @Size(max = 50) String leadingOfficial) {
}
