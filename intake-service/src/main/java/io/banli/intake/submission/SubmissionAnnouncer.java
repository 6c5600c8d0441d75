package io.banli.intake.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.intake.field.SubjectField;
import io.banli.intake.member.Member;
import io.banli.intake.session.Session;
import io.banli.intake.submission.SubmissionEvents.CoSignerStatus;
import io.banli.intake.submission.SubmissionEvents.Proposer;
import io.banli.intake.submission.SubmissionEvents.SubmissionDraftChangedV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionFiledV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionMergedV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionRefusedV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionRegisteredV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionUpdatedV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionWithdrawnV1;
import io.banli.kit.audit.AuditLog;
import io.banli.kit.audit.AuditResult;
import io.banli.kit.change.StateChange;
import io.banli.kit.security.Caller;
import io.banli.kit.security.SourceAddress;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Writes a submission's events to the outbox and its audit entries, in the caller's transaction.
 * Each audit entry names the state before and after, so the log alone tells the item's history.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubmissionAnnouncer {

    @Inject
    StateChange change;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    public void filed(Submission s, SubmissionState before) {
        filed(s, before, CoSigner.signedOf(s.id));
    }

    /** As {@link #filed(Submission, SubmissionState)}, with the signed co-signers known already, in member order. */
    public void filed(Submission s, SubmissionState before, List<Long> coSignerIds) {
        change.announce(SubmissionEvents.TOPIC, SubmissionEvents.FILED, s.id.toString(),
                new SubmissionFiledV1(s.id, s.sessionId, s.kind, s.title, s.field, proposer(s),
                        coSignerIds, s.groupName, s.filedAt, s.confidential));
        audit("submission.filed", s, before, null);
    }

    /**
     * The registered event and its audit entry, with a placeholder for the number: {@link SessionNumbers} writes
     * them in the statement that takes it. The signed co-signers are read already, in member order.
     */
    public SessionNumbers.Numbered registered(Submission s, SubmissionState before, List<Long> coSignerIds) {
        Session session = Session.findById(s.sessionId);
        SubmissionRegisteredV1 event = new SubmissionRegisteredV1(s.id, s.sessionId, session.name, session.kind,
                session.level, session.year, Integer.MIN_VALUE, s.committeeNumber, s.kind, s.title, s.field, proposer(s),
                coSignerIds, s.groupName, s.keyItem, s.leadingOfficial, s.confidential, s.registeredAt, fieldName(s));
        AuditLog.Entry audit = new AuditLog.Entry(caller.name(), caller.roles(), SourceAddress.current().orElse(null),
                "submission.registered", "submission", s.id.toString(),
                states(s, before) + ": " + session.name + " 第" + SessionNumbers.NUMBER_IN_AUDIT + "号"
                        + (s.committeeNumber == null ? "" : " (committee's 第" + s.committeeNumber + "号)"),
                AuditResult.SUCCESS);
        return new SessionNumbers.Numbered(UUID.randomUUID(), SubmissionEvents.TOPIC, SubmissionEvents.REGISTERED,
                s.id.toString(), json(event), traceParent(), change.now(), audit);
    }

    public void updated(Submission s, Instant at, String what) {
        Session session = Session.findById(s.sessionId);
        change.announce(SubmissionEvents.TOPIC, SubmissionEvents.UPDATED, s.id.toString(),
                new SubmissionUpdatedV1(s.id, s.sessionId, session.name, session.kind, session.level, session.year,
                        s.number, s.committeeNumber, s.kind, s.title, s.field, proposer(s), CoSigner.signedOf(s.id), s.groupName,
                        s.keyItem, s.leadingOfficial, s.confidential, s.registeredAt, at, fieldName(s)));
        audit("submission.updated", s, s.state, what);
    }

    /** The field's name as the taxonomy has it now: reporting prints it instead of the code (issue 14). */
    private static String fieldName(Submission s) {
        SubjectField field = s.field == null ? null : SubjectField.findById(s.field);
        return field == null ? s.field : field.name;
    }

    public void refused(Submission s, SubmissionState before, Instant at) {
        change.announce(SubmissionEvents.TOPIC, SubmissionEvents.REFUSED, s.id.toString(),
                new SubmissionRefusedV1(s.id, s.sessionId, s.refusalReason, s.disposition, at));
        audit("submission.refused", s, before, s.disposition + ": " + s.refusalReason);
    }

    public void merged(Submission s, Submission into, SubmissionState before, Instant at) {
        change.announce(SubmissionEvents.TOPIC, SubmissionEvents.MERGED, s.id.toString(),
                new SubmissionMergedV1(s.id, into.id, into.number, s.number, s.title, s.leadProposerId,
                        CoSigner.signedOf(s.id), at));
        audit("submission.merged", s, before, "into " + s.mergedIntoId);
    }

    public void withdrawn(Submission s, SubmissionState before) {
        // A draft never left the proposer's hands: only the read side's picture of drafts learns of it.
        if (before != SubmissionState.DRAFT) {
            change.announce(SubmissionEvents.TOPIC, SubmissionEvents.WITHDRAWN, s.id.toString(),
                    new SubmissionWithdrawnV1(s.id, s.withdrawnAt));
        } else {
            draftChanged(s);
        }
        audit("submission.withdrawn", s, before, s.withdrawalReason);
    }

    /**
     * The draft's whole pre-filing picture, for the member's progress on the read side (reporting): written with
     * every change of a draft, its co-signers or their signatures, in the change's transaction.
     */
    public void draftChanged(Submission s) {
        List<CoSignerStatus> coSigners = CoSigner.<CoSigner>list("submissionId = ?1 order by memberId", s.id).stream()
                .map(c -> new CoSignerStatus(c.memberId, c.state)).toList();
        change.announce(SubmissionEvents.TOPIC, SubmissionEvents.DRAFT_CHANGED, s.id.toString(),
                new SubmissionDraftChangedV1(s.id, s.sessionId, s.kind, s.title, proposer(s), coSigners, s.state,
                        s.confidential, s.coSignUntil, change.now()));
    }

    /** For changes that stay inside intake (drafts, invitations, signatures, attachments). */
    public void audit(String action, Submission s, SubmissionState before, String detail) {
        String states = states(s, before);
        change.audit(action, "submission", s.id, detail == null ? states : states + ": " + detail);
    }

    private static String states(Submission s, SubmissionState before) {
        return before == s.state ? s.state.name() : (before == null ? "new" : before) + " -> " + s.state;
    }

    private String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event not serialisable: " + event.getClass(), e);
        }
    }

    /** The W3C trace context, kept with the event as the outbox keeps it (the relay sends it as traceparent). */
    private static String traceParent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : "";
    }

    private static Proposer proposer(Submission s) {
        return Proposer.of(Member.findById(s.leadProposerId));
    }
}
