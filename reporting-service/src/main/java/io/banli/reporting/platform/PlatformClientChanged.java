package io.banli.reporting.platform;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Intake's {@code banli.intake.platform-client.changed.v1}: a client's whole grant after a change (tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
record PlatformClientChanged(String clientId, String status, List<String> scopes, Boolean allMembers,
        List<Long> memberIds, List<String> delegations, List<Long> unitIds, Long version, Instant changedAt) {

    static final String TYPE = "banli.intake.platform-client.changed.v1";
}
