package io.banli.reporting.report;


import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.config.BanliConfig;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Roles;
import io.banli.reporting.compilation.Renderings;
import io.banli.reporting.report.AnnualReport.Chart;
import io.banli.reporting.statistics.Filter;
import io.banli.reporting.statistics.Scope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/v1/reports")
@Tag(name = "Annual report", description = "The zh-CN work report for a session or a year, with charts.")
public class ReportResource {

    /** Markdown for the office to edit; HTML to read in a browser; PDF to send or print as it is. */
    @Schema(name = "ReportFormat", description = "The format of the annual report.")
    public enum Format { MARKDOWN, HTML, PDF }

    @Inject
    AnnualReport report;

    @Inject
    Scope scope;

    @Inject
    BanliConfig banli;

    @Inject
    Renderings renderings;

    @GET
    @Path("/annual")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
    @Operation(summary = "Generate the annual work report for a session or a year", description = """
            The statistical sections of the report the office gives the standing committee, in the seeds'
            structure: totals (主办/会办), shares by field and result class, reply, on-time, contact, meeting and
            satisfaction rates, key items and their outcome, units named for lateness, the on-time ranking, and
            three charts (PNG, embedded). format=PDF gives the same report as an A4 document with the charts
            embedded; its text is set in the bundled Noto Sans SC, embedded as a subset, so every reader shows and
            searches the same glyphs. Reports and charts are drawn a few at a time (as many as the service has
            processors); a request beyond that waits its turn. Refused with 409 if any set of parts does not add up
            to its whole.
            Needs sessionId or year; other filters narrow it (e.g. kind). Every generation is audited.""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "text/markdown", examples = @ExampleObject(name = "markdown", value = """
                    # 关于市政协六届三次会议提案办理工作情况的报告

                    ## 一、基本情况

                    市政协六届三次会议共承办提案436件，其中单办、主办436件次，会办0件次，分办0件次；重点提案9件。……

                    从类别看，经济科技方面149件，占34.2%；……""")),
            @Content(mediaType = "text/html", examples = @ExampleObject(name = "html", value = """
                    <!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>关于……的报告</title></head>
                    <body><h1>关于……的报告</h1><p>……</p><figure><img alt="图1 类别构成" src="data:image/png;base64,…">
                    </figure></body></html>""")),
            @Content(mediaType = "application/pdf", examples = @ExampleObject(name = "pdf", value = """
                    (an A4 PDF document: the same headings, paragraphs and tables, the three charts as images)"""))})
    @APIResponse(responseCode = "400", description = "Neither sessionId nor year, or a filter that cannot be read")
    @APIResponse(responseCode = "409", description = "The figures do not add up; nothing is published")
    public Response annual(@BeanParam Filter filter,
            @Parameter(description = "MARKDOWN (default), HTML or PDF") @QueryParam("format") Format format,
            @Parameter(description = "Decimals of percentages (0–3, default 2; the seeds print 1)", example = "1")
            @QueryParam("decimals") Integer decimals) {
        Filter f = scoped(filter);
        return renderings.draw(() -> {
            String markdown = report.markdown(f, Scope.decimals(decimals), banli.onTimeStandard());
            if (format == Format.PDF) {
                return Response.ok(Pdf.document(report.title(f), markdown), "application/pdf")
                        .header("Content-Disposition", "inline; filename=\"annual-report.pdf\"").build();
            }
            if (format == Format.HTML) {
                return Response.ok(Html.page(report.title(f), markdown), "text/html; charset=UTF-8").build();
            }
            return Response.ok(markdown, "text/markdown; charset=UTF-8").build();
        });
    }

    @GET
    @Path("/charts/{chart}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
    @Operation(summary = "One chart of the report as a PNG image", description = """
            CLASSES: shares of result classes A–D; FIELDS: shares by field (numbered as in the report's legend);
            RANKING: units' on-time rates with the standard as a dashed line. Same filters as the report.""")
    @APIResponse(responseCode = "200", description = "The image", content = @Content(mediaType = "image/png",
            examples = @ExampleObject(name = "png", value = "(a PNG image, 640 pixels wide)")))
    @APIResponse(responseCode = "400", description = "Neither sessionId nor year, or a filter that cannot be read")
    public Response chart(@Parameter(description = "Which chart") @PathParam("chart") Chart chart,
            @BeanParam Filter filter) {
        Filter f = scoped(filter);
        return Response.ok(renderings.draw(() -> report.chart(f, chart, banli.onTimeStandard())), "image/png").build();
    }

    private Filter scoped(Filter filter) {
        Filter f = scope.limit(filter);
        if (f.sessionId == null && f.year == null) {
            throw Problems.badInput("invalid-parameter", "sessionId", "query", "a report is for a session or a year: "
                    + "give sessionId or year");
        }
        return f;
    }
}
