package io.banli.intake.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.importing.RosterApi.RosterReport;
import io.banli.kit.security.Roles;

@Path("/api/v1/members/roster")
@Tag(name = "Members")
public class RosterResource {

    @Inject
    RosterService roster;

    static final String XLSX = RosterService.XLSX;

    @POST
    @Consumes({"text/csv", XLSX})
    @RolesAllowed(Roles.OFFICE)
    @io.banli.kit.limits.BodyLimit(megabytes = 5)
    @Operation(summary = "Import a member roster", description = """
            CSV (UTF-8) or XLSX (first sheet) with the header `kind,name,delegation,phone,email,address`. Each row is checked like a
            registration; a member already on the roster (same kind, name and delegation) is skipped, so the same
            roster can be imported again. Rejected rows are reported with their row number (data rows count from 1)
            and reason, without their contact data.""")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "roster", value = """
            kind,name,delegation,phone,email,address
            DEPUTY,陈晓明,东城区代表团,13800138000,chenxm@example.com,北京市东城区和平里街道1号""")))
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RosterReport.class),
            examples = @ExampleObject(name = "report", value = """
            {"total": 2, "accepted": 1, "skipped": 0, "rejected": 1,
             "rejections": [{"row": 2, "reason": "phone: must be a phone number"}]}""")))
    @APIResponse(responseCode = "400", description = "No header row naming kind, name and delegation")
    public RosterReport importRoster(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] file) {
        return roster.importRoster(contentType, file);
    }
}
