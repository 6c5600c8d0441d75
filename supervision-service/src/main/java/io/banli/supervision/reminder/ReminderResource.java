package io.banli.supervision.reminder;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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

import io.banli.kit.audit.AuditLog;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.quarkus.panache.common.Parameters;

@Path("/api/v1")
@Tag(name = "Reminders", description = "Who is reminded of warnings and overdue alerts, and the delivery log.")
public class ReminderResource {

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    public record Contact(@NotBlank @Size(max = 50) String name,
            @Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "must be a phone number")
            @Schema(maxLength = 21) String phone,
            @Email @Size(max = 200) String email) {
    }

    /** A unit's liaison officer and head; either may be left out. */
    public record UnitContacts(@Valid Contact liaison, @Valid @Schema(nullable = true) Contact head) {
    }

    public record DeliveryView(Long id, Long submissionId, Long deadlineId, Long unitId, String level, String recipient,
            String channel, String address, String state, int attempts, Instant nextAttemptAt,
            @Schema(nullable = true) String lastError,
            Instant sentAt) {
    }

    @PUT
    @Path("/unit-contacts/{unitId}")
    @Transactional
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
        UnitContact.delete("unitId", unitId);
        save(unitId, ContactRole.LIAISON, contacts.liaison());
        save(unitId, ContactRole.HEAD, contacts.head());
        audit.record("unit-contacts.set", "unit", unitId, null);
        return contacts;
    }

    @GET
    @Path("/unit-contacts/{unitId}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Read who at a unit is reminded")
    @APIResponse(responseCode = "200", description = "The contacts", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = UnitContacts.class),
            examples = @ExampleObject(name = "unit2", value = """
            {"liaison": {"name": "周敏", "phone": "13900002001", "email": "liaison@jtj.example.gov.cn"}, "head": null}""")))
    public UnitContacts contacts(@Parameter(example = "2") @PathParam("unitId") long unitId) {
        return new UnitContacts(contact(unitId, ContactRole.LIAISON), contact(unitId, ContactRole.HEAD));
    }

    public record LeaderAddress(@Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "must be a phone number")
            @Schema(maxLength = 21) String phone,
            @Email @Size(max = 200) String email) {
    }

    @PUT
    @Path("/leader-contacts/{official}")
    @Transactional
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
        LeaderContact contact = LeaderContact.findById(official);
        if (contact == null) {
            contact = new LeaderContact();
            contact.official = official;
            contact.persist();
        }
        contact.phone = address.phone();
        contact.email = address.email();
        audit.record("leader-contact.set", "official", official, null);
        return address;
    }

    @GET
    @Path("/reminders")
    @Transactional(Transactional.TxType.SUPPORTS)
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
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (submissionId != null) {
            where.append(" and submissionId = :submission");
            params.and("submission", submissionId);
        }
        if (caller.hasRole(Roles.UNIT_STAFF) || caller.hasRole(Roles.UNIT_HEAD)) {
            where.append(" and unitId = :unit");
            params.and("unit", caller.unitId().orElse(-1L));
        }
        return Reminder.<Reminder>find(where + " order by createdAt desc, id desc", params).page(0, 500).list()
                .stream().map(r -> new DeliveryView(r.id, r.submissionId, r.deadlineId, r.unitId, r.level, r.recipient,
                        r.channel.name(), mask(r), r.state.name(), r.attempts, r.nextAttemptAt, r.lastError, r.sentAt))
                .toList();
    }

    private static void save(long unitId, ContactRole role, Contact contact) {
        if (contact == null) {
            return;
        }
        UnitContact entity = new UnitContact();
        entity.unitId = unitId;
        entity.role = role;
        entity.name = contact.name();
        entity.phone = contact.phone();
        entity.email = contact.email();
        entity.persist();
    }

    private static Contact contact(long unitId, ContactRole role) {
        UnitContact c = UnitContact.find("unitId = ?1 and role = ?2", unitId, role).firstResult();
        return c == null ? null : new Contact(c.name, c.phone, c.email);
    }

    /** Phone numbers as 139****2001, e-mail addresses as l***@domain; webhook URLs are not personal. */
    static String mask(Reminder r) {
        return switch (r.channel) {
            case SMS -> r.address.length() < 7 ? "****"
                    : r.address.substring(0, 3) + "****" + r.address.substring(r.address.length() - 4);
            case EMAIL -> r.address.charAt(0) + "***" + r.address.substring(r.address.indexOf('@'));
            case WEBHOOK -> r.address;
        };
    }
}
