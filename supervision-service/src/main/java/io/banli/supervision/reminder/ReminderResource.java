package io.banli.supervision.reminder;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.Roles;

@Path("/api/v1")
@Tag(name = "Reminders", description = "Who is reminded of warnings and overdue alerts, and the delivery log.")
public class ReminderResource {

    @Inject
    ReminderService reminders;

    @PUT
    @Path("/unit-contacts/{unitId}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Set who at a unit is reminded", description = """
            The liaison officer (told of warnings) and the head (told of overdue deadlines too). Personal
            information: only the office reads it back.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "unit2", value = """
            {"liaison": {"name": "周敏", "phone": "13900002001", "email": "liaison@jtj.example.gov.cn"},
             "head": {"name": "吴强", "phone": "13900002002", "email": "head@jtj.example.gov.cn"}}""")))
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = UnitContacts.class),
            examples = @ExampleObject(name = "unit2", value = """
            {"liaison": {"name": "周敏", "phone": "13900002001", "email": "liaison@jtj.example.gov.cn"},
             "head": {"name": "吴强", "phone": "13900002002", "email": "head@jtj.example.gov.cn"}}""")))
    public UnitContacts setContacts(@Parameter(example = "2") @PathParam("unitId") long unitId,
            @Valid @jakarta.validation.constraints.NotNull UnitContacts contacts) {
        return reminders.setContacts(unitId, contacts);
    }

    @GET
    @Path("/unit-contacts/{unitId}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Read who at a unit is reminded")
    @APIResponse(responseCode = "200", description = "The contacts", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = UnitContacts.class),
            examples = @ExampleObject(name = "unit2", value = """
            {"liaison": {"name": "周敏", "phone": "13900002001", "email": "liaison@jtj.example.gov.cn"}, "head": null}""")))
    public UnitContacts contacts(@Parameter(example = "2") @PathParam("unitId") long unitId) {
        return reminders.contacts(unitId);
    }

    @PUT
    @Path("/leader-contacts/{official}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Set how to reach an official who leads key items", description = """
            Overdue key items are escalated to their leading official (the stricter ladder). Personal
            information: only the office reads it back.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "viceMayor",
            value = """
            {"phone": "13900009001", "email": "leader@gov.example.cn"}""")))
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = LeaderAddress.class),
            examples = @ExampleObject(name = "viceMayor", value = """
            {"phone": "13900009001", "email": "leader@gov.example.cn"}""")))
    public LeaderAddress setLeader(@Parameter(example = "王副市长") @PathParam("official") @Size(max = 50) String official,
            @Valid @jakarta.validation.constraints.NotNull LeaderAddress address) {
        return reminders.setLeader(official, address);
    }

    @GET
    @Path("/reminders")
    @RolesAllowed({Roles.OFFICE, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "The delivery log of reminders", description = """
            Every reminder with its channel, attempts and outcome, newest first; addresses are masked. A unit sees
            the reminders sent to it.""")
    @APIResponse(responseCode = "200", description = "Deliveries", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class),
            examples = @ExampleObject(name = "sent", value = """
            [{"id": 1, "submissionId": 2, "deadlineId": 4, "unitId": 2, "level": "YELLOW-7", "recipient": "LIAISON",
              "channel": "EMAIL", "address": "l***@jtj.example.gov.cn", "state": "SENT", "attempts": 1,
              "nextAttemptAt": "2025-04-29T01:00:00Z", "lastError": null, "sentAt": "2025-04-29T01:00:05Z"}]""")))
    public List<DeliveryView> deliveries(
            @Parameter(description = "Only for this submission", example = "2") @QueryParam("submissionId")
            Long submissionId) {
        return reminders.deliveries(submissionId);
    }
}
