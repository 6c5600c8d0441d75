package io.banli.intake.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.banli.intake.submission.Confidentiality;

/** The office corrects field, key item or confidentiality; fields left out (null) stay as they are. */
public record Correction(@NotNull Long version, @Size(max = 40) String field, Boolean keyItem,
        @Size(max = 50) String leadingOfficial, Boolean confidential, Confidentiality confidentiality) {
}
