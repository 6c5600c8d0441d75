package io.banli.supervision.notice;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.change.StateChange;
import io.banli.kit.config.BanliConfig;
import io.banli.kit.problem.Problems;
import io.banli.supervision.deadline.SupervisionEvents;

/** Notices (通报): issued with their content frozen as JSON, their event and audit entry; read by every unit. */
@ApplicationScoped
@Transactional
public class NoticeService {

    @Inject
    StateChange change;

    @Inject
    NoticeBuilder builder;

    @Inject
    ObjectMapper mapper;

    @Inject
    BanliConfig banli;

    public NoticeView issue(NewNotice request) {
        if (request.to().isBefore(request.from())) {
            throw Problems.unprocessable("empty-period", "The period ends (" + request.to() + ") before it starts ("
                    + request.from() + ").");
        }
        BigDecimal standard = request.onTimeStandardPercent() == null ? banli.onTimeStandard()
                : request.onTimeStandardPercent();
        Instant now = change.now();
        NoticeContent content = builder.build(request.from(), request.to(), standard, now);
        Notice notice = new Notice();
        notice.periodFrom = request.from();
        notice.periodTo = request.to();
        notice.title = request.title() != null ? request.title()
                : "关于" + NoticeDocument.day(request.from()) + "至" + NoticeDocument.day(request.to())
                        + "建议提案办理逾期情况的通报";
        notice.issuedAt = now;
        notice.issuedBy = change.actor();
        notice.content = json(content);
        notice.persist();
        change.announce(SupervisionEvents.TOPIC, SupervisionEvents.NOTICE_ISSUED, "notice-" + notice.id,
                new NoticeIssuedV1(notice.id, notice.periodFrom, notice.periodTo, content.lateUnits().size(),
                        content.itemsNamed(), now));
        change.audit("notice.issued", "notice", notice.id, notice.title);
        return view(notice);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NoticeView read(long id) {
        return view(Notice.<Notice>findByIdOptional(id).orElseThrow(() -> Problems.notFound("notice", id)));
    }

    /** The notice as a printable document (HTML, zh-CN), its dates in the deployment's zone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String document(long id) {
        NoticeView notice = read(id);
        return NoticeDocument.render(notice.title(), notice.issuedAt(), notice.content(), banli.zone());
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
