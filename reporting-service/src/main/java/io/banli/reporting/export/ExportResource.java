package io.banli.reporting.export;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.Roles;
import io.banli.reporting.statistics.Filter;
import io.banli.reporting.statistics.Scope;
import io.banli.reporting.statistics.RolledUpStatistics;
import io.banli.reporting.statistics.Statistics;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/v1/exports")
@Tag(name = "Exports", description = "The statistics and item lists as CSV or XLSX with Chinese headers, streamed.")
public class ExportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=UTF-8";

    /** CSV opens anywhere; XLSX keeps numbers as numbers in Excel and WPS. */
    @Schema(name = "ExportFormat", description = "The format of an export.")
    public enum Format { CSV, XLSX }

    @Inject
    RolledUpStatistics statistics;

    @Inject
    ExportService exports;

    @Inject
    Scope scope;

    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @io.banli.kit.audit.AuditedRead(subject = "export")
    @Operation(summary = "Download the statistics as a table (CSV or XLSX)", description = """
            The figures of GET /statistics, one per row (范围, 指标, 数量, 百分比, 说明): the selection's, then each
            unit's. Same filters and rounding; a unit's token gets its own unit. Every export is audited.""")
    @APIResponse(responseCode = "200", description = "The table", content = {
            @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = """
                    范围,指标,数量,百分比(%),说明
                    全部,件数,3,,筛选：sessionId=1
                    全部,办复率,1,50.00,已答复/应答复""")),
            @Content(mediaType = XLSX, examples = @ExampleObject(name = "xlsx", value = "(a workbook with the same rows)"))})
    @APIResponse(responseCode = "400", description = "A filter that cannot be read")
    @APIResponse(responseCode = "404", description = "A unit's token asked for another unit's figures")
    public Response statistics(@BeanParam Filter filter,
            @Parameter(description = "CSV (default) or XLSX") @QueryParam("format") Format format,
            @Parameter(description = "Decimals of percentages (0–3, default 2)", example = "2")
            @QueryParam("decimals") Integer decimals) {
        Filter f = scope.limit(filter);
        Statistics s = statistics.compute(f, Scope.decimals(decimals));
        exports.audited("statistics", f);
        return file("统计", format, out -> {
            try (Table t = table(format, out, "统计")) {
                t.row(StatisticsRows.HEADER);
                for (var row : StatisticsRows.of(s)) {
                    t.row(row);
                }
            }
        });
    }

    @GET
    @Path("/items")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @io.banli.kit.audit.AuditedRead(subject = "export")
    @Operation(summary = "Download the item list (CSV or XLSX), one row per handling unit", description = """
            Every submission of the selection with each unit's part: role, assignment, deadline, reply date,
            result class, on time, overdue days and rating. Rows stream from the database, so a whole year's
            list never sits in memory. A unit's token lists only its own parts. Every export is audited.""")
    @APIResponse(responseCode = "200", description = "The list", content = {
            @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = """
                    会议,编号,类型,标题,类别,领衔人,代表团/界别,重点,承办单位,承办方式,角色,交办日期,答复期限,答复日期,办理结果,按期答复,逾期天数,评价
                    市六届人大三次会议,1,建议,关于增加中小学课后服务供给的建议,社会民生,王建华,东城区代表团,false,市教育局,单办,单办,2025-02-10,2025-05-10,2025-04-01,A,true,,满意""")),
            @Content(mediaType = XLSX, examples = @ExampleObject(name = "xlsx", value = "(a workbook with the same rows)"))})
    @APIResponse(responseCode = "400", description = "A filter that cannot be read")
    @APIResponse(responseCode = "404", description = "A unit's token asked for another unit's items")
    public Response items(@BeanParam Filter filter,
            @Parameter(description = "CSV (default) or XLSX") @QueryParam("format") Format format) {
        Filter f = scope.limit(filter);
        exports.audited("items", f);
        return file("办理清单", format, out -> {
            try (Table t = table(format, out, "办理清单")) {
                exports.items(f, t);
            }
        });
    }

    private static Table table(Format format, OutputStream out, String sheet) throws IOException {
        return format == Format.XLSX ? new XlsxTable(out, sheet) : new CsvTable(out);
    }

    private static Response file(String name, Format format, StreamingOutput body) {
        boolean xlsx = format == Format.XLSX;
        String file = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8) + (xlsx ? ".xlsx" : ".csv");
        return Response.ok(body, xlsx ? XLSX : CSV)
                .header("Content-Disposition", "attachment; filename=\"export" + (xlsx ? ".xlsx" : ".csv")
                        + "\"; filename*=UTF-8''" + file)
                .build();
    }
}
