package io.banli.intake.filing;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.banli.intake.submission.Confidentiality;
import io.banli.intake.submission.SubmissionKind;

/** What a portal sends to draft, edit, invite co-signers and file; the answers are submission views. */
public final class FilingApi {

    private FilingApi() {
    }

    public record NewDraft(
            @NotNull SubmissionKind kind,
            @NotNull Long sessionId,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String body,
            @NotBlank @Size(max = 40) String field,
            @Size(max = 100) String groupName,
            Boolean confidential,
            Confidentiality confidentiality,
            Instant coSignUntil) {
    }

    public record DraftChange(
            @NotNull Long version,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String body,
            @NotBlank @Size(max = 40) String field,
            @Size(max = 100) String groupName,
            Boolean confidential,
            Confidentiality confidentiality,
            Instant coSignUntil) {
    }

    public record Invitation(@NotNull Long version, @NotEmpty @Size(max = 500) List<@NotNull Long> memberIds) {
    }

    public record Filing(@NotNull Long version) {
    }
}
