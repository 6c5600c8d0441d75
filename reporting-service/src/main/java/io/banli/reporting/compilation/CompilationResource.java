package io.banli.reporting.compilation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;
import io.banli.reporting.platform.RegistryChecked;

@Path("/api/v1/reports/compilations")
@Tag(name = "Annual report", description = "The zh-CN work report for a session or a year, with charts.")
public class CompilationResource {

    static final String PDF = "application/pdf";

    @Inject
    Compilation compilation;

    @Inject
    Renderings renderings;

    @GET
    @Path("/{sessionId}")
    @Produces({PDF, CompilationDocx.MEDIA_TYPE})
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.PLATFORM})
    @RequiresScope(Scopes.STATISTICS_READ)
    @RegistryChecked
    @Operation(summary = "The session's compilation of public items and their replies (答复汇编)", description = """
            Every item of the session the open data publishes, in number order (第N号): title, kind and field,
            the proposer's public name and delegation, the handling units and each published reply's text
            (public replies of non-confidential items only, ID and phone numbers masked), with a contents list.
            Accept: application/pdf (default) gives PDF/A-2b: the font embedded, Chinese text searchable,
            a bookmark per item; Accept: application/vnd.openxmlformats-officedocument.wordprocessingml.document
            gives a Word document, one Heading 1 per item. A platform client needs the scope `statistics:read`.
            Every generation is audited.""")
    @APIResponse(responseCode = "200", description = "The compilation", content = {
            @Content(mediaType = PDF, examples = @ExampleObject(name = "pdf", value = """
                    (an A4 PDF/A-2b document: title, contents, one page per item with its replies)""")),
            @Content(mediaType = CompilationDocx.MEDIA_TYPE, examples = @ExampleObject(name = "docx", value = """
                    (a Word document: title, contents field, one Heading 1 per item with its replies)"""))})
    @APIResponse(responseCode = "404", description = "No item was ever registered in this session")
    @APIResponse(responseCode = "406", description = "Neither format is acceptable")
    public Response compilation(@Parameter(description = "The session", example = "1")
            @PathParam("sessionId") long sessionId, @Context HttpHeaders headers) {
        boolean word = wantsWord(headers);
        String name = "compilation-" + sessionId;
        return renderings.draw(() -> {
            CompiledSession session = compilation.of(sessionId, word ? "DOCX" : "PDF");
            if (word) {
                return Response.ok(CompilationDocx.document(session), CompilationDocx.MEDIA_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"" + name + ".docx\"").build();
            }
            return Response.ok(CompilationPdf.document(session), PDF)
                    .header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"").build();
        });
    }

    /** The Word document only when preferred to the PDF (JAX-RS has already refused what neither matches). */
    private static boolean wantsWord(HttpHeaders headers) {
        MediaType docx = MediaType.valueOf(CompilationDocx.MEDIA_TYPE);
        MediaType pdf = MediaType.valueOf(PDF);
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(pdf)) {
                return false;
            }
            if (accepted.isCompatible(docx)) {
                return true;
            }
        }
        return false;
    }
}
