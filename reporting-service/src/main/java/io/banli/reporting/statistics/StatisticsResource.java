package io.banli.reporting.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.Roles;

@Path("/api/v1/statistics")
@Tag(name = "Statistics", description = "Figures for the office's reports, built from every service's events.")
public class StatisticsResource {

    /** The kinds a client may filter by; a typo gets a 400 that lists them. */
    public enum Kind {
        SUGGESTION,
        PROPOSAL
    }

    @Inject
    StatisticsQuery statistics;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
    @Operation(summary = "Count submissions by kind and by handling state", description = """
            Each submission is counted once, in the furthest state it has reached: REPLIED when every replying
            unit has replied, else OVERDUE when a replying unit is past its deadline, else ASSIGNED, else
            REGISTERED. The counts of `byKind` and of `byState` each add up to `total`. Figures follow the events
            within seconds.""")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "demo", value = """
            {"sessionId": 1, "kind": null, "total": 3, "byKind": {"PROPOSAL": 0, "SUGGESTION": 3},
             "byState": {"REGISTERED": 1, "ASSIGNED": 1, "OVERDUE": 0, "REPLIED": 1},
             "asOf": "2025-04-01T02:00:00Z"}""")))
    public Statistics get(
            @Parameter(description = "Only this session", example = "1") @QueryParam("sessionId") Long sessionId,
            @Parameter(description = "Only this kind") @QueryParam("kind") Kind kind) {
        return statistics.count(sessionId, kind == null ? null : kind.name());
    }
}
