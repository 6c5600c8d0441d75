package io.banli.supervision.notice;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.Roles;

@Path("/api/v1/notices")
@Tag(name = "Notices", description = "通报: overdue units and items of a period, and the units' on-time ranking.")
public class NoticeResource {

    @Inject
    NoticeService notices;

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Issue a notice for a period", description = """
            Names every unit with a deadline due in the period that it missed (still open, or met late), with the
            items, stages and days late, and ranks the units by on-time rate against the standard (85 % unless
            given). The content is frozen at issue. Publishes `banli.supervision.notice-issued.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "firstHalf",
            value = """
            {"from": "2025-01-01", "to": "2025-06-30", "onTimeStandardPercent": 85}""")))
    @APIResponse(responseCode = "201", description = "Issued", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NoticeView.class),
            examples = @ExampleObject(name = "issued", value = """
            {"id": 1, "title": "关于2025年1月1日至2025年6月30日建议提案办理逾期情况的通报", "issuedAt": "2025-07-02T02:00:00Z",
             "issuedBy": "office-demo", "content": {"from": "2025-01-01", "to": "2025-06-30", "standardPercent": 85,
             "lateUnits": [{"unitId": 2, "unitName": "市交通运输局", "items": [{"submissionId": 2, "submissionNumber": 17,
             "stage": "REPLY", "stageName": "答复",
             "dueAt": "2025-05-12T15:59:59.999999Z", "daysLate": 9, "stillOpen": false, "explanationFiled": true}]}],
             "ranking": [{"rank": 1, "unitId": 1, "unitName": "市教育局", "due": 1, "onTime": 1, "onTimePercent": 100.00,
             "belowStandard": false}, {"rank": 2, "unitId": 2, "unitName": "市交通运输局", "due": 1, "onTime": 0,
             "onTimePercent": 0.00, "belowStandard": true}], "itemsNamed": 1}}""")))
    @APIResponse(responseCode = "422", description = "A period that ends before it starts")
    public Response issue(@Valid @NotNull NewNotice request) {
        NoticeView notice = notices.issue(request);
        return Response.created(URI.create("/api/v1/notices/" + notice.id())).entity(notice).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Read a notice", description = "Notices are issued to every unit: all of them may read it.")
    @APIResponse(responseCode = "200", description = "The notice", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NoticeView.class),
            examples = @ExampleObject(name = "issued", value = """
            {"id": 1, "title": "关于2025年1月1日至2025年6月30日建议提案办理逾期情况的通报", "issuedAt": "2025-07-02T02:00:00Z",
             "issuedBy": "office-demo", "content": {"from": "2025-01-01", "to": "2025-06-30", "standardPercent": 85,
             "lateUnits": [], "ranking": [], "itemsNamed": 0}}""")))
    public NoticeView read(@Parameter(example = "1") @PathParam("id") long id) {
        return notices.read(id);
    }

    @GET
    @Path("/{id}/document")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "The notice as a printable document (HTML, zh-CN)")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(mediaType = "text/html",
            examples = @ExampleObject(name = "document", value = "<!DOCTYPE html><html lang=\"zh-CN\">…</html>")))
    public String document(@Parameter(example = "1") @PathParam("id") long id) {
        return notices.document(id);
    }
}
