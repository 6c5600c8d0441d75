package io.banli.intake.platform;

import java.time.Instant;
import java.util.List;

import io.banli.intake.member.ContactMask;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registration as the API shows it: never the secret nor its hash; the e-mail masked unless told otherwise. */
public record PlatformClientView(String clientId, String name, String owner, String contactName, String contactEmail,
        List<String> scopes, boolean allMembers, List<Long> memberIds, List<String> delegations, List<Long> unitIds,
        PlatformClient.State state, Instant createdAt, @Schema(nullable = true) Instant revokedAt,
        @Schema(nullable = true) Instant previousSecretValidUntil,
        long version) {

    static PlatformClientView of(PlatformClient c, boolean unmasked) {
        return new PlatformClientView(c.clientId, c.name, c.owner, c.contactName,
                unmasked ? c.contactEmail : ContactMask.email(c.contactEmail), List.copyOf(c.scopes), c.allMembers,
                List.copyOf(c.memberIds), List.copyOf(c.delegations), List.copyOf(c.unitIds), c.state, c.createdAt,
                c.revokedAt, c.previousSecretValidUntil, c.version);
    }

    /** The answer to a registration or a rotation: the only time the secret is ever shown. */
    public record WithSecret(String clientId, String clientSecret,
    @Schema(nullable = true) Instant previousSecretValidUntil,
            PlatformClientView client) {
    }
}
