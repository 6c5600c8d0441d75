package io.banli.supervision.rule;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

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
import io.quarkus.security.Authenticated;

@Path("/api/v1/deadline-rules")
@Tag(name = "Deadline rules", description = "How long each stage may take, as versioned data with its legal source.")
public class RuleResource {

    @Inject
    DeadlineRules rules;

    @GET
    @Authenticated
    @Operation(summary = "List the deadline rules in force")
    @APIResponse(responseCode = "200", description = "Active rules", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = RuleView.class),
            examples = @ExampleObject(name = "reply", value = """
            [{"id": 3, "stage": "REPLY", "kind": null, "level": null, "version": 1, "startsOn": "assigned", "amount": 3,
              "unit": "CALENDAR_MONTHS", "extensionAmount": 3, "extensionUnit": "CALENDAR_MONTHS",
              "warningWorkingDays": [7, 0], "legalSource": "《代表法》……自交办之日起3个月内答复",
              "changedAt": "2025-01-01T00:00:00Z", "changedBy": "system"}]""")))
    public List<RuleView> list() {
        return rules.active().stream().map(RuleView::of).toList();
    }

    @PUT
    @Path("/{stage}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Change a stage's rule", description = """
            Makes a new version of the stage's rule for one kind and/or one level (without `kind` or `level`: for
            all of them). The most specific rule applies to an item: kind and level, then level, then kind, then
            the general rule. Recomputes exactly the open deadlines whose governing rule this changes; each one
            that moves publishes `banli.supervision.deadline-recomputed.v1` and is audited.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "proposals",
            value = """
            {"kind": "PROPOSAL", "level": "COUNTY", "amount": 2, "unit": "CALENDAR_MONTHS", "extensionAmount": 1,
             "extensionUnit": "CALENDAR_MONTHS", "warningWorkingDays": [7, 0],
             "legalSource": "某市政协提案办理办法第十二条：提案应在交办之日起2个月内办复"}""")))
    @APIResponse(responseCode = "200", description = "The new version", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = RuleView.class), examples = @ExampleObject(name = "proposals", value = """
            {"id": 4, "stage": "REPLY", "kind": "PROPOSAL", "level": "COUNTY", "version": 1, "startsOn": "assigned", "amount": 2,
             "unit": "CALENDAR_MONTHS", "extensionAmount": 1, "extensionUnit": "CALENDAR_MONTHS",
             "warningWorkingDays": [7, 0], "legalSource": "某市政协提案办理办法第十二条：提案应在交办之日起2个月内办复",
             "changedAt": "2025-03-01T02:00:00Z", "changedBy": "office-demo"}""")))
    @APIResponse(responseCode = "422", description = "An extension amount without its unit, or the reverse")
    public RuleView change(@Parameter(example = "REPLY") @PathParam("stage") Stage stage,
            @Valid @NotNull RuleChange change) {
        return RuleView.of(rules.change(stage, change));
    }
}
