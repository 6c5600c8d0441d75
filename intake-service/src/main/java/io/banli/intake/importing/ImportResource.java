package io.banli.intake.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.importing.ImportApi.JobView;
import io.banli.kit.limits.BodyLimit;
import io.banli.kit.security.Roles;

@Path("/api/v1/imports")
@Tag(name = "Import", description = "Batch import of a session's items from the standing committee (JSON, CSV, XLSX).")
public class ImportResource {

    static final String CSV = ImportService.CSV;
    static final String XLSX = ImportService.XLSX;
    static final int MAX_ROWS = ImportService.MAX_ROWS;

    static final String JOB_EXAMPLE = """
            {"id": 3, "sessionId": 1, "format": "CSV", "state": "DONE", "total": 3, "processed": 3, "accepted": 1,
             "skipped": 1, "rejected": 1, "startedAt": "2025-01-20T02:00:00Z", "finishedAt": "2025-01-20T02:00:01Z",
             "millis": 420, "rejections": [{"row": 3, "reason": "field: must be an active field code"}]}""";

    @Inject
    ImportService imports;

    @POST
    @Consumes({"application/json", CSV, XLSX})
    @RolesAllowed(Roles.OFFICE)
    @BodyLimit(megabytes = 20)
    @Operation(summary = "Import a session's items", description = """
            The body is the file: a JSON array of rows, a CSV (UTF-8, header row) or an XLSX workbook (first sheet,
            header row), told apart by `Content-Type`. Columns: `externalRef` (the committee's own reference,
            unique in the session), `committeeNumber` (its own 第N号, once per session; letters print it), `kind`,
            `title`, `body`, `field`, the lead proposer as the committee names them (`leadProposer` and
            `delegation`: 代表团 or 界别) or by `leadProposerId`, co-signers by name (`coSigners`: a JSON array, or
            names separated by `;`, each with its delegation in brackets when needed: `李娜（西城区代表团）`) or by
            `coSignerIds`, `groupName`, `keyItem`, `leadingOfficial`, `confidential`, `confidentiality`. A name
            that matches no member of the right kind, or several, rejects its row with the reason (never guessed).
            Every row is checked like a filing through the API; each accepted row is filed (state RECEIVED,
            `banli.intake.submission.filed.v1`) whole or not at all; rows whose `externalRef` the session already
            holds are skipped, so a second import of the same file changes nothing. At most 50,000 rows and 20 MB;
            an XLSX workbook must not inflate beyond 200 MB or 100 times its size. Answers 202 at once: follow
            the progress and read the report at the `Location`.""")
    @RequestBody(content = {
            @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Map.class, maxItems = MAX_ROWS),
                    examples = @ExampleObject(name = "json", value = """
                    [{"externalRef": "R-0001", "committeeNumber": 1, "kind": "SUGGESTION",
                      "title": "关于加快老旧小区加装电梯的建议", "body": "建议简化审批流程。",
                      "field": "URBAN_CONSTRUCTION_TRANSPORT", "leadProposer": "王建华", "delegation": "东城区代表团",
                      "coSigners": ["李娜（西城区代表团）"]}]""")),
            @Content(mediaType = CSV, examples = @ExampleObject(name = "csv", value = """
                    externalRef,committeeNumber,kind,title,body,field,leadProposer,delegation,coSigners
                    R-0001,1,SUGGESTION,关于加快老旧小区加装电梯的建议,建议简化审批流程。,URBAN_CONSTRUCTION_TRANSPORT,王建华,东城区代表团,李娜（西城区代表团）"""))})
    @APIResponse(responseCode = "202", description = "Started", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = JobView.class),
            examples = @ExampleObject(name = "running", value = """
            {"id": 3, "sessionId": 1, "format": "CSV", "state": "RUNNING", "total": 3, "processed": 0, "accepted": 0,
             "skipped": 0, "rejected": 0, "startedAt": "2025-01-20T02:00:00Z", "finishedAt": null, "millis": null,
             "rejections": []}""")))
    @APIResponse(responseCode = "400", description = "A file that cannot be read, or no session")
    @APIResponse(responseCode = "413", description = "A file over 20 MB")
    @APIResponse(responseCode = "415", description = "Not JSON, CSV or XLSX")
    @APIResponse(responseCode = "422", description = "Unknown session; more than 50,000 rows (`too-many-rows`, found "
            + "without reading the rest of the file); a workbook with too many parts or that inflates too much "
            + "(`unsafe-workbook`)")
    public Response start(@Parameter(description = "The session the items belong to", example = "1")
            @QueryParam("sessionId") @NotNull Long sessionId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream file) throws IOException {
        long jobId = imports.start(sessionId, contentType, file);
        return Response.accepted(imports.view(jobId)).location(URI.create("/api/v1/imports/" + jobId)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.AUDITOR})
    @Operation(summary = "Progress and report of an import", description = "While RUNNING, `processed` of `total` "
            + "rows are done; once DONE, the rejected rows are listed with their row number (data rows count from 1) "
            + "and reason.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = JobView.class),
            examples = @ExampleObject(name = "done", value = JOB_EXAMPLE)))
    public JobView get(@Parameter(example = "3") @PathParam("id") long id) {
        return imports.view(id);
    }
}
