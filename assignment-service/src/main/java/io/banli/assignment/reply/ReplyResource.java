package io.banli.assignment.reply;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

@Path("/api/v1/submissions/{submissionId}/replies")
@Tag(name = "Replies", description = "Units' written replies (答复): draft, head's signature, the office's "
        + "acceptance or return.")
public class ReplyResource {

    @Inject
    ReplyService replies;

    @POST
    @RolesAllowed({Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Draft the unit's reply", description = """
            The caller's unit (SOLE, LEAD or SPLIT; never a co-unit) drafts its reply with a result class (A solved,
            B being solved — with at least one commitment, C cannot be solved now, D for reference), disclosure and
            commitments. Drafting again replaces the unsigned draft. After the reply was sent, a draft is a
            correction: a new version that keeps the sent one.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "classB", value = """
            {"text": "您提出的关于增加中小学课后服务供给的建议收悉。我局将在全市推开课后服务全覆盖……",
             "resultClass": "B", "disclosure": "PUBLIC",
             "commitments": [{"action": "2025年秋季学期实现课后服务全覆盖", "promisedOn": "2025-09-30"}]}""")))
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReplyView.class),
            examples = @ExampleObject(name = "draft", value = "{\"id\": 2, \"unitId\": 1, \"round\": 1, \"version\": 1, "
                    + "\"state\": \"DRAFT\", \"resultClass\": \"A\", \"disclosure\": \"PUBLIC\", \"text\": \"……\", "
                    + "\"commitments\": []}")))
    @APIResponse(responseCode = "400", description = "Missing or malformed field; confidential without a reason")
    @APIResponse(responseCode = "404", description = "Not assigned to the caller's unit")
    @APIResponse(responseCode = "409", description = "A co-unit, not signed for, or a signed reply is pending")
    @APIResponse(responseCode = "422", description = "A B-class reply without a commitment")
    public Response draft(@Parameter(example = "2") @PathParam("submissionId") long submissionId,
            @Valid @NotNull NewReply request) {
        return created(submissionId, replies.draft(submissionId, request));
    }

    @POST
    @Path("/{replyId}/approval")
    @RolesAllowed(Roles.UNIT_HEAD)
    @Operation(summary = "Sign the reply as the unit's head", description = """
            审核签发: only the head of the replying unit signs. The content is frozen and gets its SHA-256
            fingerprint. Publishes `banli.assignment.reply-approved.v1`.""")
    @APIResponse(responseCode = "200", description = "Signed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReplyView.class),
            examples = @ExampleObject(name = "approved", value = "{\"id\": 2, \"unitId\": 1, \"round\": 1, "
                    + "\"version\": 1, \"state\": \"APPROVED\", \"resultClass\": \"A\", \"text\": \"……\", "
                    + "\"fingerprint\": \"3b4f8e0c5d…\", \"approvedBy\": \"head-of-unit-1\"}")))
    @APIResponse(responseCode = "404", description = "No such reply of the caller's unit")
    @APIResponse(responseCode = "409", description = "Not a draft")
    public ReplyView approve(@Parameter(example = "2") @PathParam("submissionId") long submissionId,
            @Parameter(example = "2") @PathParam("replyId") long replyId) {
        return ReplyView.of(replies.approve(submissionId, replyId));
    }

    @POST
    @Path("/{replyId}/submission")
    @RolesAllowed({Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Submit the signed reply to the office", description = """
            The lead unit of a JOINT item submits only after every co-unit sent its opinion (会签). Publishes
            `banli.assignment.reply-submitted.v1`.""")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReplyView.class),
            examples = @ExampleObject(name = "submitted", value = "{\"id\": 2, \"unitId\": 1, \"round\": 1, "
                    + "\"version\": 1, \"state\": \"SUBMITTED\", \"resultClass\": \"A\", \"text\": \"……\", "
                    + "\"fingerprint\": \"3b4f8e0c5d…\", \"submittedAt\": \"2025-04-01T02:00:00Z\"}")))
    @APIResponse(responseCode = "404", description = "No such reply of the caller's unit")
    @APIResponse(responseCode = "409", description = "Not signed by the head, or co-units' opinions missing")
    public ReplyView submit(@Parameter(example = "2") @PathParam("submissionId") long submissionId,
            @Parameter(example = "2") @PathParam("replyId") long replyId) {
        return ReplyView.of(replies.submit(submissionId, replyId));
    }

    @POST
    @Path("/{replyId}/acceptance")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Accept the reply and send it", description = """
            The office accepts the submitted reply (`{}`), optionally changing its result class (recorded, and the
            fingerprint recomputed), and sends it to the proposer and every signed co-signer. Publishes
            `banli.assignment.replied.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "asSubmitted", value = "{}"),
            @ExampleObject(name = "changeClass", value = "{\"resultClass\": \"A\"}")}))
    @APIResponse(responseCode = "200", description = "Sent", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReplyView.class),
            examples = @ExampleObject(name = "sent", value = "{\"id\": 2, \"unitId\": 1, \"round\": 1, "
                    + "\"version\": 1, \"state\": \"SENT\", \"resultClass\": \"A\", \"classChangedFrom\": \"B\", "
                    + "\"text\": \"……\", \"fingerprint\": \"77aa01…\", \"decidedAt\": \"2025-04-03T02:00:00Z\"}")))
    @APIResponse(responseCode = "404", description = "No such reply in this submission")
    @APIResponse(responseCode = "409", description = "Not submitted")
    @APIResponse(responseCode = "422", description = "Class B without a commitment")
    public ReplyView accept(@Parameter(example = "2") @PathParam("submissionId") long submissionId,
            @Parameter(example = "2") @PathParam("replyId") long replyId, @Valid @NotNull Acceptance acceptance) {
        return ReplyView.of(replies.accept(submissionId, replyId, acceptance.resultClass()));
    }

    @POST
    @Path("/{replyId}/return")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Return the reply for re-handling", description = """
            退回重办: the office sends the reply back with its reasons; the unit handles on and drafts a new reply.
            Publishes `banli.assignment.reply-returned.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "return",
            value = "{\"reason\": \"答复未回应代表提出的经费保障问题\"}")))
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReplyView.class),
            examples = @ExampleObject(name = "returned", value = "{\"id\": 2, \"unitId\": 1, \"round\": 1, "
                    + "\"version\": 1, \"state\": \"RETURNED\", \"resultClass\": \"C\", \"text\": \"……\", "
                    + "\"returnReason\": \"答复未回应代表提出的经费保障问题\"}")))
    @APIResponse(responseCode = "404", description = "No such reply in this submission")
    @APIResponse(responseCode = "409", description = "Not submitted")
    public ReplyView returnReply(@Parameter(example = "2") @PathParam("submissionId") long submissionId,
            @Parameter(example = "2") @PathParam("replyId") long replyId, @Valid @NotNull Return request) {
        return ReplyView.of(replies.returnReply(submissionId, replyId, request.reason()));
    }

    private static Response created(long submissionId, Reply reply) {
        return Response.created(URI.create("/api/v1/submissions/" + submissionId + "/replies/" + reply.id))
                .entity(ReplyView.of(reply)).build();
    }
}
