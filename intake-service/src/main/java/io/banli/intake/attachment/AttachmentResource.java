package io.banli.intake.attachment;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.attachment.AttachmentApi.AttachedFile;
import io.banli.intake.attachment.AttachmentApi.AttachmentView;
import io.banli.kit.limits.BodyLimit;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;

@Path("/api/v1/submissions/{id}/attachments")
@Tag(name = "Attachments", description = "Files attached to a submission: PDF, images, Word and plain text, at most "
        + "5 MB each and 10 per submission.")
public class AttachmentResource {

    @Inject
    AttachmentService attachments;

    @POST
    @Consumes("*/*")
    @BodyLimit(megabytes = 6)
    @RolesAllowed({Roles.OFFICE, Roles.MEMBER, Roles.PLATFORM})
    @RequiresScope(Scopes.SUBMISSIONS_WRITE)
    @Operation(summary = "Attach a file", description = "The body is the file, its `Content-Type` one of PDF, JPEG, "
            + "PNG, DOCX or plain text, at most 5 MB; the content must be what `Content-Type` says (it is checked "
            + "from the bytes). The lead proposer attaches until the item is registered; the office too.")
    @RequestBody(content = @Content(mediaType = "text/plain", examples = @ExampleObject(name = "text",
            value = "附件：老旧小区加装电梯调研报告")))
    @APIResponse(responseCode = "201", description = "Attached", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AttachmentView.class),
            examples = @ExampleObject(name = "attached", value = """
            {"id": 1, "submissionId": 5, "fileName": "调研报告.pdf", "contentType": "application/pdf", "sizeBytes": 48213,
             "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "addedAt": "2025-01-19T02:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "No file name, or an empty file")
    @APIResponse(responseCode = "409", description = "The item is refused, merged or withdrawn (the state is named)")
    @APIResponse(responseCode = "413", description = "Over 5 MB, or the submission has 10 attachments")
    @APIResponse(responseCode = "415", description = "A type that is not accepted, or content that is not what "
            + "`Content-Type` says (`attachment-content-mismatch`)")
    public Response attach(@Parameter(example = "5") @PathParam("id") long id,
            @Parameter(description = "The file's name", example = "调研报告.pdf") @QueryParam("name") @NotBlank @Size(max = 200)
            @Pattern(regexp = "[^/\\\\\\x00-\\x1f]+", message = "must be a file name without path") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] content) {
        long attachmentId = attachments.attach(id, name, contentType, content);
        return Response.created(URI.create("/api/v1/submissions/" + id + "/attachments/" + attachmentId))
                .entity(attachments.view(attachmentId)).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.PLATFORM, Roles.MEMBER, Roles.UNIT_STAFF,
            Roles.UNIT_HEAD})
    @RequiresScope(Scopes.SUBMISSIONS_READ)
    @Operation(summary = "List a submission's attachments", description = "Whoever may read the submission.")
    @APIResponse(responseCode = "200", description = "Attachments", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = AttachmentView.class),
            examples = @ExampleObject(name = "one", value = """
            [{"id": 1, "submissionId": 5, "fileName": "调研报告.pdf", "contentType": "application/pdf", "sizeBytes": 48213,
              "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "addedAt": "2025-01-19T02:00:00Z"}]""")))
    public List<AttachmentView> list(@Parameter(example = "5") @PathParam("id") long id) {
        return attachments.list(id);
    }

    @GET
    @Path("/{attachmentId}")
    @Produces("*/*")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.PLATFORM, Roles.MEMBER, Roles.UNIT_STAFF,
            Roles.UNIT_HEAD})
    @RequiresScope(Scopes.SUBMISSIONS_READ)
    @Operation(summary = "Download an attachment", description = "The file as it was attached, with its type.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "text/plain",
            examples = @ExampleObject(name = "text", value = "附件：老旧小区加装电梯调研报告")))
    public Response download(@Parameter(example = "5") @PathParam("id") long id,
            @Parameter(example = "1") @PathParam("attachmentId") long attachmentId) {
        AttachedFile a = attachments.file(id, attachmentId);
        return Response.ok(a.content(), a.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(a.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Digest", "sha-256=" + a.sha256()).build();
    }
}
