package io.banli.reporting.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.problem.Problems;
import io.banli.reporting.export.CsvTable;
import io.banli.reporting.statistics.Filter;

@Path("/api/v1/open-data")
@Tag(name = "Open data", description = "Public, read-only: registered submissions and published replies, no token needed.")
public class OpenDataResource {

    @Inject
    OpenData openData;

    @GET
    @Path("/submissions")
    @PermitAll
    @Operation(summary = "List registered submissions and their published replies (public, no token)", description = """
            Confidential items are left out; of a reply, its date and result class are shown only when published
            (not marked confidential). Each published reply's text is in `replies`, with its unit and date (答复公开),
            ID and phone numbers masked. No contact data and no person beyond the proposer's public name and
            delegation. Paginated.""")
    @APIResponse(responseCode = "200", description = "A page of submissions", content = @Content(
            mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = OpenSubmission.class),
            examples = @ExampleObject(name = "page", value = """
                    [{"session": "市六届人大三次会议", "year": 2025, "number": 1, "kind": "SUGGESTION",
                      "title": "关于增加中小学课后服务供给的建议", "field": "社会民生", "proposer": "王建华",
                      "delegation": "东城区代表团", "registeredOn": "2025-01-20", "units": "市教育局",
                      "repliedOn": "2025-04-01", "resultClass": "A",
                      "replies": [{"unit": "市教育局", "repliedOn": "2025-04-01",
                                   "text": "王建华代表：您提出的关于增加中小学课后服务供给的建议收悉，现答复如下……"}],
                      "mergedIntoNumber": null}]""")))
    @APIResponse(responseCode = "400", description = "A filter or page that cannot be read")
    public List<OpenSubmission> submissions(
            @Parameter(description = "Only this session", example = "1") @QueryParam("sessionId") Long sessionId,
            @Parameter(description = "Only this year", example = "2025") @QueryParam("year") Integer year,
            @Parameter(description = "Only this kind") @QueryParam("kind") Filter.Kind kind,
            @Parameter(description = "Page, from 0", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1–500 (default 100)", example = "100") @QueryParam("size") Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 100 : size;
        if (p < 0) {
            throw Problems.badInput("invalid-parameter", "page", "query", "must be 0 or more");
        }
        if (s < 1 || s > 500) {
            throw Problems.badInput("invalid-parameter", "size", "query", "must be between 1 and 500");
        }
        return openData.page(sessionId, year, kind == null ? null : kind.name(), p, s);
    }

    @GET
    @Path("/submissions.csv")
    @PermitAll
    @Operation(summary = "Download the open dataset as CSV (public, no token)", description = """
            The same rows as the list, all of them, streamed: 会议, 年度, 编号, 类型, 标题, 类别, 领衔人, 代表团/界别,
            立案日期, 承办单位, 答复日期, 办理结果, 答复内容 (each published reply as 单位（日期）：text, one per line).""")
    @APIResponse(responseCode = "200", description = "The dataset", content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "csv", value = """
                    会议,年度,编号,类型,标题,类别,领衔人,代表团/界别,立案日期,承办单位,答复日期,办理结果,答复内容
                    市六届人大三次会议,2025,1,建议,关于增加中小学课后服务供给的建议,社会民生,王建华,东城区代表团,2025-01-20,市教育局,2025-04-01,A,市教育局（2025-04-01）：王建华代表：您提出的建议收悉……""")))
    @APIResponse(responseCode = "400", description = "A filter that cannot be read")
    public Response dataset(
            @Parameter(description = "Only this session", example = "1") @QueryParam("sessionId") Long sessionId,
            @Parameter(description = "Only this year", example = "2025") @QueryParam("year") Integer year,
            @Parameter(description = "Only this kind") @QueryParam("kind") Filter.Kind kind) {
        StreamingOutput body = out -> {
            CsvTable table = new CsvTable(out);
            table.row(List.of("会议", "年度", "编号", "类型", "标题", "类别", "领衔人", "代表团/界别", "立案日期", "承办单位",
                    "答复日期", "办理结果", "答复内容"));
            openData.each(sessionId, year, kind == null ? null : kind.name(), s -> {
                try {
                    table.row(java.util.Arrays.asList(s.session(), s.year(), s.number(),
                            "PROPOSAL".equals(s.kind()) ? "提案" : "建议", s.title(), s.field(), s.proposer(),
                            s.delegation(), s.registeredOn(), s.units(), s.repliedOn(), s.resultClass(),
                            replies(s.replies())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            table.close();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"open-data.csv\"").build();
    }

    /** The published replies in one cell: a split item has one per unit. */
    private static String replies(List<OpenReply> replies) {
        return replies.isEmpty() ? null : String.join("\n", replies.stream()
                .map(r -> r.unit() + "（" + r.repliedOn() + "）：" + r.text()).toList());
    }
}
