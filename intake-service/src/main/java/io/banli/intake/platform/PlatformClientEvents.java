package io.banli.intake.platform;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.intake.submission.SubmissionEvents;

/**
 * What intake tells the read side about the platform registry, so reporting checks a platform's calls against the
 * registration as intake does (a revocation or a narrowed grant applies there too): published on
 * {@link SubmissionEvents#TOPIC}, keyed by client id, with every registration, change and revocation. Never the
 * secret, its hash or the contact's data.
 */
public final class PlatformClientEvents {

    public static final String CHANGED = "banli.intake.platform-client.changed.v1";
    public static final String KEY = "The client id: a client's changes stay in order";

    private PlatformClientEvents() {
    }

    /** The whole grant after the change; {@code version} grows with every change of the registration. */
    public record PlatformClientChangedV1(@Schema(example = "portal-client") String clientId,
            PlatformClient.State status, @Schema(example = "[\"progress:read\"]") List<String> scopes,
            boolean allMembers, List<Long> memberIds,
            @Schema(example = "[\"东城区代表团\"]") List<String> delegations, List<Long> unitIds, long version,
            Instant changedAt) {

        static PlatformClientChangedV1 of(PlatformClient c, Instant at) {
            return new PlatformClientChangedV1(c.clientId, c.state, List.copyOf(c.scopes), c.allMembers,
                    List.copyOf(c.memberIds), List.copyOf(c.delegations), List.copyOf(c.unitIds), c.version, at);
        }
    }
}
