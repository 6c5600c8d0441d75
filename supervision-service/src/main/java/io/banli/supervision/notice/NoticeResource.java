package io.banli.supervision.notice;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Roles;
import io.banli.supervision.deadline.SupervisionEvents;

@Path("/api/v1/notices")
@Tag(name = "Notices", description = "通报: overdue units and items of a period, and the units' on-time ranking.")
public class NoticeResource {

    @Inject
    StateChange change;

    @Inject
    NoticeBuilder builder;

    @Inject
    ObjectMapper mapper;

    public record NewNotice(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 200) String title,
            @DecimalMin("0") @DecimalMax("100") BigDecimal onTimeStandardPercent) {
    }

    public record NoticeView(Long id, String title, Instant issuedAt, String issuedBy, NoticeContent content) {
    }

    /** Data of {@code banli.supervision.notice-issued.v1}. */
    public record NoticeIssuedV1(long noticeId, LocalDate from, LocalDate to, int unitsNamed, int itemsNamed,
            Instant issuedAt) {
    }

    @POST
    @Transactional
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
            {"id": 1, "title": "关于2025-01-01至2025-06-30建议提案办理逾期情况的通报", "issuedAt": "2025-07-02T02:00:00Z",
             "issuedBy": "office-demo", "content": {"from": "2025-01-01", "to": "2025-06-30", "standardPercent": 85,
             "lateUnits": [{"unitId": 2, "unitName": "市交通运输局", "items": [{"submissionId": 2, "stage": "REPLY",
             "dueAt": "2025-05-12T15:59:59.999999Z", "daysLate": 9, "stillOpen": false, "explanationFiled": true}]}],
             "ranking": [{"rank": 1, "unitId": 1, "unitName": "市教育局", "due": 1, "onTime": 1, "onTimePercent": 100.00,
             "belowStandard": false}, {"rank": 2, "unitId": 2, "unitName": "市交通运输局", "due": 1, "onTime": 0,
             "onTimePercent": 0.00, "belowStandard": true}], "itemsNamed": 1}}""")))
    @APIResponse(responseCode = "422", description = "A period that ends before it starts")
    public Response issue(@Valid @NotNull NewNotice request) {
        if (request.to().isBefore(request.from())) {
            throw Problems.unprocessable("empty-period", "The period ends (" + request.to() + ") before it starts ("
                    + request.from() + ").");
        }
        BigDecimal standard = request.onTimeStandardPercent() == null ? BigDecimal.valueOf(85)
                : request.onTimeStandardPercent();
        Instant now = change.now();
        NoticeContent content = builder.build(request.from(), request.to(), standard, now);
        Notice notice = new Notice();
        notice.periodFrom = request.from();
        notice.periodTo = request.to();
        notice.title = request.title() != null ? request.title()
                : "关于" + request.from() + "至" + request.to() + "建议提案办理逾期情况的通报";
        notice.issuedAt = now;
        notice.issuedBy = change.actor();
        notice.content = json(content);
        notice.persist();
        change.announce(SupervisionEvents.TOPIC, SupervisionEvents.NOTICE_ISSUED, "notice-" + notice.id,
                new NoticeIssuedV1(notice.id, notice.periodFrom, notice.periodTo, content.lateUnits().size(),
                        content.itemsNamed(), now));
        change.audit("notice.issued", "notice", notice.id, notice.title);
        return Response.created(URI.create("/api/v1/notices/" + notice.id)).entity(view(notice)).build();
    }

    @GET
    @Path("/{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Read a notice", description = "Notices are issued to every unit: all of them may read it.")
    @APIResponse(responseCode = "200", description = "The notice", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NoticeView.class),
            examples = @ExampleObject(name = "issued", value = """
            {"id": 1, "title": "关于2025-01-01至2025-06-30建议提案办理逾期情况的通报", "issuedAt": "2025-07-02T02:00:00Z",
             "issuedBy": "office-demo", "content": {"from": "2025-01-01", "to": "2025-06-30", "standardPercent": 85,
             "lateUnits": [], "ranking": [], "itemsNamed": 0}}""")))
    public NoticeView read(@Parameter(example = "1") @PathParam("id") long id) {
        return view(find(id));
    }

    @GET
    @Path("/{id}/document")
    @Produces(MediaType.TEXT_HTML)
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "The notice as a printable document (HTML, zh-CN)")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(mediaType = "text/html",
            examples = @ExampleObject(name = "document", value = "<!DOCTYPE html><html lang=\"zh-CN\">…</html>")))
    public String document(@Parameter(example = "1") @PathParam("id") long id) {
        NoticeView notice = view(find(id));
        return NoticeDocument.render(notice.title(), notice.issuedAt(), notice.content());
    }

    private static Notice find(long id) {
        return Notice.<Notice>findByIdOptional(id).orElseThrow(() -> Problems.notFound("notice", id));
    }

    private NoticeView view(Notice notice) {
        try {
            return new NoticeView(notice.id, notice.title, notice.issuedAt, notice.issuedBy,
                    mapper.readValue(notice.content, NoticeContent.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(NoticeContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
