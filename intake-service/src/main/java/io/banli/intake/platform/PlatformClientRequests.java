package io.banli.intake.platform;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the office sends to register and change a client. Scopes and e-mail are checked by the service (422). */
public final class PlatformClientRequests {

    /** An identity provider's client ids are often UUIDs; "me" and other short words stay free for paths. */
    static final String CLIENT_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{2,99}";

    private PlatformClientRequests() {
    }

    @Schema(name = "ClientRegistration", description = "A platform client to register.")
    public record Registration(
            @Pattern(regexp = CLIENT_ID, message = "must be 3 to 100 letters, digits, '.', '_', ':' or '-'")
            @Schema(maxLength = 100) String clientId,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 100) String owner,
            @NotBlank @Size(max = 50) String contactName,
            @NotBlank @Size(max = 100) String contactEmail,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> scopes,
            boolean allMembers,
            @Size(max = 5000) List<@NotNull Long> memberIds,
            @Size(max = 200) List<@NotBlank @Size(max = 100) String> delegations,
            @Size(max = 1000) List<@NotNull Long> unitIds) {
    }

    /** Only what is given changes; the {@code version} read before is required. */
    public record Change(
            @NotNull Long version,
            @Size(min = 1, max = 100) String name,
            @Size(min = 1, max = 100) String owner,
            @Size(min = 1, max = 50) String contactName,
            @Size(min = 1, max = 100) String contactEmail,
            @Size(min = 1, max = 20) List<@NotBlank @Size(max = 100) String> scopes,
            Boolean allMembers,
            @Size(max = 5000) List<@NotNull Long> memberIds,
            @Size(max = 200) List<@NotBlank @Size(max = 100) String> delegations,
            @Size(max = 1000) List<@NotNull Long> unitIds) {
    }

    /** How long the previous secret keeps working, so the platform can switch without an outage. */
    public record Rotation(@Min(0) @Max(10080) Integer graceMinutes) {
    }

    public record Revocation(@Size(max = 1000) String reason) {
    }
}
