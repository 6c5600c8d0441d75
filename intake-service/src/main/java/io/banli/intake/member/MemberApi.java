package io.banli.intake.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the member operations take and show; contact data in a view is masked unless the caller may see it. */
public final class MemberApi {

    private MemberApi() {
    }

    public record NewMember(
            @NotNull MemberKind kind,
            @NotBlank @Size(max = 50) String name,
            @NotBlank @Size(max = 100) String delegation,
            @Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "must be a phone number")
            @Schema(maxLength = 21) String phone,
            @Email @Size(max = 100) String email,
            @Size(max = 200) String address) {
    }

    public record MemberView(Long id, MemberKind kind, String name, String delegation, String phone,
            @Schema(nullable = true) String email,
            @Schema(nullable = true) String address) {
    }
}
