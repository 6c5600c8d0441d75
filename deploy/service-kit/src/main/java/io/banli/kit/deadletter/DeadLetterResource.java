package io.banli.kit.deadletter;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.deadletter.DeadLetterApi.DeadLetterView;
import io.banli.kit.deadletter.DeadLetterApi.ReplayView;
import io.banli.kit.security.Roles;

/** Operations on the service's dead-letter topic: see what could not be applied, and re-drive it after a fix. */
@Path("/api/v1/dead-letters")
@Tag(name = "Dead letters", description = "Events this service could not apply, and their re-drive (operations).")
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @GET
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "List the newest dead-lettered events of this service",
            description = "Where each record sits on the dead-letter topic (partition, offset), where it came from, "
                    + "which event it is and why it could not be applied. The event's data is not shown.")
    @APIResponse(responseCode = "200", description = "Newest first", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeadLetterView.class),
            examples = @ExampleObject(name = "one", value = """
                    [{"topic": "banli.assignment.dead-letter", "partition": 0, "offset": 3,
                      "deadLetteredAt": "2025-03-01T08:00:00Z", "originalTopic": "banli.intake.submissions",
                      "originalPartition": 2, "originalOffset": 41,
                      "eventId": "5f0c2a1e-8f3b-4c1d-9a7e-2b6d4e8f1a3c",
                      "eventType": "banli.intake.submission.registered.v1", "subject": "42",
                      "reason": "Event 5f0c2a1e-8f3b-4c1d-9a7e-2b6d4e8f1a3c (banli.intake.submission.registered.v1) cannot be processed: submissionId, sessionId, number, title, leadProposer are required"}]""")))
    public List<DeadLetterView> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return deadLetters.newest(limit);
    }

    @POST
    @Path("/{partition}/{offset}/replay")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Re-drive a dead-lettered event",
            description = "Publishes the record again to its original topic and partition, with its key and "
                    + "original headers. The consumer applies it once: an event already applied is skipped, so "
                    + "replaying twice changes nothing. Audited.")
    @APIResponse(responseCode = "200", description = "Published again", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = ReplayView.class),
            examples = @ExampleObject(name = "replayed", value = """
                    {"deadLetterTopic": "banli.assignment.dead-letter", "partition": 0, "offset": 3,
                     "topic": "banli.intake.submissions", "toPartition": 2, "toOffset": 97,
                     "eventId": "5f0c2a1e-8f3b-4c1d-9a7e-2b6d4e8f1a3c",
                     "eventType": "banli.intake.submission.registered.v1"}""")))
    @APIResponse(responseCode = "404", description = "No record at this partition and offset of the dead-letter topic")
    @APIResponse(responseCode = "422", description = "The record names no original topic")
    @APIResponse(responseCode = "503", description = "Kafka did not take the record; nothing was published")
    public ReplayView replay(@PathParam("partition") @PositiveOrZero int partition,
            @PathParam("offset") @PositiveOrZero long offset) {
        return deadLetters.replay(partition, offset);
    }
}
