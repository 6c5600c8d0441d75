package io.banli.intake.submission;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A submission as the office enters it from paper; co-signers listed here signed on paper. */
public record NewSubmission(
        @NotNull SubmissionKind kind,
        @NotNull Long sessionId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 20000) String body,
        @NotBlank @Size(max = 40) String field,
        @NotNull Long leadProposerId,
        @Size(max = 500) List<@NotNull Long> coSignerIds,
        @Size(max = 100) String groupName,
        Boolean keyItem,
        @Size(max = 50) String leadingOfficial,
        Boolean confidential,
        Confidentiality confidentiality) {
}
