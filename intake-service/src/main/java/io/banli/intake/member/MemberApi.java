package io.banli.intake.member;

import jakarta.validation.Valid;
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

    /**
     * A group proposer (集体提案) as the office registers it: its name, type, the sector (界别) it belongs to (by
     * default its own name, so statistics by sector list it on its own line) and its contact person.
     */
    public record NewGroup(
            @NotBlank @Size(max = 100) String name,
            @NotNull GroupType groupType,
            @Size(max = 100) String sector,
            @Valid @NotNull GroupContact contact) {
    }

    /**
     * The contact person (联系人) who receives the reply and rates it for the group: a CPPCC member on the register
     * ({@code memberId}), or a person named here; the phone, e-mail and address are theirs, personal information.
     */
    public record GroupContact(
            @Schema(nullable = true, description = "A CPPCC member who is the contact person") Long memberId,
            @Size(max = 50) @Schema(nullable = true, description = "Required unless memberId is given") String name,
            @Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "must be a phone number")
            @Schema(maxLength = 21) String phone,
            @Email @Size(max = 100) String email,
            @Size(max = 200) String address) {
    }

    /**
     * A proposer on the register. For a group ({@code kind} GROUP): {@code groupType}, {@code contactName} (masked
     * like contact data unless the contact person is a member) and {@code contactMemberId}; the phone, e-mail and
     * address are the contact person's.
     */
    public record MemberView(Long id, MemberKind kind, String name, String delegation, String phone,
            @Schema(nullable = true) String email,
            @Schema(nullable = true) String address,
            @Schema(nullable = true) GroupType groupType,
            @Schema(nullable = true) String contactName,
            @Schema(nullable = true) Long contactMemberId) {
    }
}
