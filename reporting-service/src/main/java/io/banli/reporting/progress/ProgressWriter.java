package io.banli.reporting.progress;

import static io.banli.reporting.progress.ProgressEvents.*;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.banli.reporting.projection.ParsedEvent;
import io.banli.reporting.tables.Target;
import io.banli.reporting.tables.Write;
import io.banli.reporting.tables.Writes;

/**
 * Fills the progress tables (and the rated reply of {@code evaluation}) from intake's submissions, assignment's
 * workflow and supervision's alerts; the projection's writer runs these handlers after its own, in the same
 * transaction, for the live tables and for a rebuild's. Intake's events of one submission are ordered (one topic,
 * one key), so its picture is simply the latest; the three topics are not ordered against each other, so every
 * other handler is an upsert that fills what is missing and moves a state only forwards: the handling stage by
 * rank, a deadline from OPEN to MET, OVERDUE or EXPIRED (alerts of one submission are ordered on their own topic,
 * so a later deadline-opened may reopen one). An event missing what the progress needs is left out of it rather
 * than refused: it is still good for the statistics.
 */
@ApplicationScoped
public class ProgressWriter {

    /** Handling stages in the order a submission passes them; a second round's reply outranks re-handling. */
    static final Map<String, Integer> STAGE_RANK = Map.of("ASSIGNED", 1, "HANDLING", 2, "REPLIED", 3,
            "REHANDLING", 4, "REPLIED_AGAIN", 5, "CLOSED", 6);

    /** Each statement's text on each set of tables, named once: a rebuild writes hundreds of thousands. */
    private static final Map<Target, Map<String, String>> STATEMENTS = Stream.of(Target.values()).collect(
            Collectors.toMap(t -> t, t -> new ConcurrentHashMap<>(), (a, b) -> a, () -> new EnumMap<>(Target.class)));

    @Inject
    Writes writes;


    @Inject
    Clock clock;

    /** The handlers of every event type the progress reads, writing to the given set of tables. */
    public Map<String, Consumer<ParsedEvent>> handlers(Target t) {
        Map<String, Consumer<ParsedEvent>> h = new LinkedHashMap<>();
        h.put(DRAFT_CHANGED, e -> picture(t, e, null));
        h.put(FILED, e -> picture(t, e, "RECEIVED"));
        h.put(REGISTERED, e -> picture(t, e, "REGISTERED"));
        h.put(UPDATED, e -> picture(t, e, null));
        h.put(REFUSED, e -> stopped(t, e, "REFUSED"));
        h.put(WITHDRAWN, e -> stopped(t, e, "WITHDRAWN"));
        h.put(MERGED, e -> merged(t, e));
        h.put(MEMBER_REGISTERED, e -> {
            MemberRegistered m = e.data(MemberRegistered.class);
            if (m.memberId() != null) {
                member(t, m.memberId(), m.kind(), m.delegation());
            }
        });
        h.put(ASSIGNED, e -> unitPart(t, e, "ASSIGNED"));
        h.put(REHANDLING_STARTED, e -> unitPart(t, e, "REHANDLING"));
        h.put(SIGNED, e -> {
            Signed s = e.data(Signed.class);
            if (s.submissionId() != null) {
                advance(t, s.submissionId(), "HANDLING", s.signedAt());
            }
        });
        h.put(REPLY_SUBMITTED, e -> replySubmitted(t, e));
        h.put(REPLIED, e -> replied(t, e));
        h.put(EVALUATED, e -> evaluated(t, e));
        h.put(CLOSED, e -> {
            Closed c = e.data(Closed.class);
            if (c.submissionId() != null) {
                advance(t, c.submissionId(), "CLOSED", c.closedAt());
            }
        });
        h.put(DEADLINE_OPENED, e -> deadlineOpened(t, e));
        h.put(DEADLINE_MET, e -> deadlineClosed(t, e, "MET"));
        h.put(OVERDUE, e -> deadlineClosed(t, e, "OVERDUE"));
        h.put(DEADLINE_EXPIRED, e -> deadlineClosed(t, e, "EXPIRED"));
        h.put(DEADLINE_RECOMPUTED, e -> deadlineRecomputed(t, e));
        return h;
    }

    /**
     * Intake's picture of the submission after a draft change, a filing, a registration or an update; {@code state}
     * is the state the event means (null: the one it names, else the one the row has).
     */
    private void picture(Target t, ParsedEvent e, String state) {
        Picture p = e.data(Picture.class);
        if (p.submissionId() == null) {
            return;
        }
        String named = state != null ? state : p.state() != null ? p.state()
                : p.registeredAt() != null ? "REGISTERED" : "RECEIVED";
        // An update keeps the state the item has (it may be merged already); the others set theirs.
        boolean keepState = state == null && p.state() == null;
        Long lead = p.leadProposer() == null ? null : p.leadProposer().memberId();
        Instant at = first(p.changedAt(), p.updatedAt(), p.registeredAt(), p.filedAt());
        sql(t, """
                insert into progress_item (submission_id, session_id, number, title, kind, state, lead_proposer_id,
                    confidential, co_sign_until, changed_at)
                values (:s, :session, :number, :title, :kind, :state, :lead, :confidential, :until, :at)
                on conflict (submission_id) do update set
                    session_id = coalesce(excluded.session_id, progress_item.session_id),
                    number = coalesce(excluded.number, progress_item.number),
                    title = coalesce(excluded.title, progress_item.title),
                    kind = coalesce(excluded.kind, progress_item.kind),
                    state = case when cast(:keep as boolean) then progress_item.state else excluded.state end,
                    lead_proposer_id = coalesce(excluded.lead_proposer_id, progress_item.lead_proposer_id),
                    confidential = excluded.confidential,
                    co_sign_until = coalesce(excluded.co_sign_until, progress_item.co_sign_until),
                    changed_at = coalesce(excluded.changed_at, progress_item.changed_at)""")
                .bind("s", p.submissionId()).bind("session", p.sessionId()).bind("number", p.number())
                .bind("title", p.title()).bind("kind", p.kind()).bind("state", named).bind("lead", lead)
                .bind("confidential", Boolean.TRUE.equals(p.confidential())).bind("until", p.coSignUntil())
                .bind("at", at).bind("keep", keepState).run();
        if (p.coSigners() != null) {
            // The draft's whole list: an invitation taken back disappears.
            sql(t, "delete from progress_co_signer where submission_id = :s").bind("s", p.submissionId()).run();
            for (CoSigner c : p.coSigners()) {
                if (c != null && c.memberId() != null) {
                    coSigner(t, p.submissionId(), c.memberId(), "SIGNED".equals(c.status()) ? "SIGNED" : "INVITED");
                }
            }
        }
        signed(t, p.submissionId(), p.coSignerIds());
        if (lead != null) {
            member(t, lead, p.leadProposer().kind(), p.leadProposer().delegation());
        }
    }

    private void merged(Target t, ParsedEvent e) {
        Merged m = e.data(Merged.class);
        if (m.submissionId() == null) {
            return;
        }
        sql(t, """
                insert into progress_item (submission_id, number, title, state, lead_proposer_id, merged_into, changed_at)
                values (:s, :number, :title, 'MERGED', :lead, :into, :at)
                on conflict (submission_id) do update set state = 'MERGED', merged_into = excluded.merged_into,
                    number = coalesce(excluded.number, progress_item.number),
                    title = coalesce(excluded.title, progress_item.title),
                    lead_proposer_id = coalesce(excluded.lead_proposer_id, progress_item.lead_proposer_id),
                    changed_at = coalesce(excluded.changed_at, progress_item.changed_at)""")
                .bind("s", m.submissionId()).bind("number", m.number()).bind("title", m.title())
                .bind("lead", m.leadProposerId()).bind("into", m.intoSubmissionId()).bind("at", m.mergedAt()).run();
        signed(t, m.submissionId(), m.coSignerIds());
    }

    private void stopped(Target t, ParsedEvent e, String state) {
        Stopped s = e.data(Stopped.class);
        if (s.submissionId() == null) {
            return;
        }
        sql(t, """
                insert into progress_item (submission_id, state, changed_at) values (:s, :state, :at)
                on conflict (submission_id) do update set state = excluded.state,
                    changed_at = coalesce(excluded.changed_at, progress_item.changed_at)""")
                .bind("s", s.submissionId()).bind("state", state)
                .bind("at", first(s.refusedAt(), s.withdrawnAt())).run();
    }

    private void signed(Target t, long submissionId, List<Long> memberIds) {
        if (memberIds != null) {
            memberIds.stream().filter(m -> m != null).forEach(m -> coSigner(t, submissionId, m, "SIGNED"));
        }
    }

    private void coSigner(Target t, long submissionId, long memberId, String state) {
        sql(t, """
                insert into progress_co_signer (submission_id, member_id, state) values (:s, :m, :state)
                on conflict (submission_id, member_id) do update set state = excluded.state""")
                .bind("s", submissionId).bind("m", memberId).bind("state", state).run();
    }

    /** A member intake registered, or the lead proposer an event names (a delegation it names wins). */
    private void member(Target t, long memberId, String kind, String delegation) {
        sql(t, """
                insert into progress_member (member_id, kind, delegation) values (:m, :kind, :delegation)
                on conflict (member_id) do update set kind = coalesce(excluded.kind, progress_member.kind),
                    delegation = coalesce(excluded.delegation, progress_member.delegation)""")
                .bind("m", memberId).bind("kind", kind).bind("delegation", delegation).shared().run();
    }

    private void unitPart(Target t, ParsedEvent event, String stage) {
        UnitPart part = event.data(UnitPart.class);
        if (part.submissionId() == null || part.unitId() == null) {
            return;
        }
        advance(t, part.submissionId(), stage, part.assignedAt() != null ? part.assignedAt() : part.startedAt());
    }

    private void replySubmitted(Target t, ParsedEvent event) {
        ReplySubmitted r = event.data(ReplySubmitted.class);
        if (r.submissionId() == null || r.replyId() == null) {
            return;
        }
        // Sent to the office only: recorded for its fingerprint, shown to the member once replied.
        sql(t, """
                insert into progress_reply (reply_id, submission_id, assignment_id, unit_id, round, result_class,
                    fingerprint, submitted_at)
                values (:r, :s, :a, :u, :round, :class, :fp, :at)
                on conflict (reply_id) do update set submitted_at = coalesce(progress_reply.submitted_at, excluded.submitted_at),
                    fingerprint = coalesce(progress_reply.fingerprint, excluded.fingerprint)""")
                .bind("r", r.replyId()).bind("s", r.submissionId()).bind("a", r.assignmentId())
                .bind("u", r.unitId()).bind("round", r.round()).bind("class", r.resultClass())
                .bind("fp", r.fingerprint()).bind("at", r.submittedAt()).run();
    }

    private void replied(Target t, ParsedEvent event) {
        Replied r = event.data(Replied.class);
        if (r.submissionId() == null) {
            return;
        }
        advance(t, r.submissionId(), r.round() != null && r.round() > 1 ? "REPLIED_AGAIN" : "REPLIED", r.repliedAt());
        if (r.replyId() == null) {
            return;
        }
        // The sent reply is authoritative: its class (the office may have changed it) and fingerprint win.
        sql(t, """
                insert into progress_reply (reply_id, submission_id, assignment_id, unit_id, round, result_class,
                    fingerprint, disclosure, recipient_ids, replied_at)
                values (:r, :s, :a, :u, :round, :class, :fp, :disclosure, cast(:recipients as bigint[]), :at)
                on conflict (reply_id) do update set round = excluded.round, result_class = excluded.result_class,
                    fingerprint = excluded.fingerprint, disclosure = excluded.disclosure,
                    recipient_ids = excluded.recipient_ids, replied_at = excluded.replied_at""")
                .bind("r", r.replyId()).bind("s", r.submissionId()).bind("a", r.assignmentId())
                .bind("u", r.unitId()).bind("round", r.round()).bind("class", r.resultClass())
                .bind("fp", r.fingerprint()).bind("disclosure", r.disclosure())
                .bind("recipients", arrayLiteral(r.recipientIds())).bind("at", r.repliedAt())
                .run();
    }

    /** The projection's writer stored the rating; the progress needs the reply it rates. */
    private void evaluated(Target t, ParsedEvent event) {
        Evaluated e = event.data(Evaluated.class);
        if (e.submissionId() == null || e.unitId() == null || e.memberId() == null || e.replyId() == null) {
            return;
        }
        writes.sql("update " + t.table("evaluation") + " set reply_id = :r where submission_id = :s and unit_id = :u"
                + " and round = :round and member_id = :m").bind("r", e.replyId()).bind("s", e.submissionId())
                .bind("u", e.unitId()).bind("round", e.round() == null ? 1 : e.round()).bind("m", e.memberId()).run();
    }

    private void deadlineOpened(Target t, ParsedEvent event) {
        DeadlineAlert d = deadline(event);
        if (d == null) {
            return;
        }
        // In order on the alerts topic, so an opening after a closing is a genuine reopening. One reopened past
        // its due time (a late reply returned) is overdue at once: supervision raises red only once per deadline.
        sql(t, """
                insert into progress_deadline (deadline_id, submission_id, assignment_id, unit_id, stage, due_at, state,
                    opened_at, state_at)
                values (:d, :s, :a, :u, :stage, :due,
                        case when cast(:due as timestamptz) < cast(:at as timestamptz) then 'OVERDUE' else 'OPEN' end,
                        :at, :at)
                on conflict (deadline_id) do update set state = excluded.state, due_at = excluded.due_at,
                    opened_at = excluded.opened_at, state_at = excluded.state_at,
                    stage = coalesce(excluded.stage, progress_deadline.stage),
                    assignment_id = coalesce(excluded.assignment_id, progress_deadline.assignment_id),
                    unit_id = coalesce(excluded.unit_id, progress_deadline.unit_id)""")
                .bind("d", d.deadlineId()).bind("s", d.submissionId())
                .bind("a", d.assignmentId()).bind("u", d.unitId()).bind("stage", d.stage())
                .bind("due", d.dueAt()).bind("at", d.openedAt()).run();
    }

    private void deadlineClosed(Target t, ParsedEvent event, String state) {
        DeadlineAlert d = deadline(event);
        if (d == null) {
            return;
        }
        Instant at = d.metAt() != null ? d.metAt() : d.detectedAt() != null ? d.detectedAt() : d.expiredAt();
        // OPEN moves to anything, OVERDUE only to MET (done late); MET and EXPIRED are final.
        sql(t, """
                insert into progress_deadline (deadline_id, submission_id, assignment_id, unit_id, stage, due_at, state,
                    state_at)
                values (:d, :s, :a, :u, :stage, :due, :state, :at)
                on conflict (deadline_id) do update set state = excluded.state, state_at = excluded.state_at,
                    stage = coalesce(progress_deadline.stage, excluded.stage),
                    due_at = coalesce(progress_deadline.due_at, excluded.due_at),
                    assignment_id = coalesce(progress_deadline.assignment_id, excluded.assignment_id),
                    unit_id = coalesce(progress_deadline.unit_id, excluded.unit_id)
                where progress_deadline.state = 'OPEN' or (progress_deadline.state = 'OVERDUE' and excluded.state = 'MET')""")
                .bind("d", d.deadlineId()).bind("s", d.submissionId())
                .bind("a", d.assignmentId()).bind("u", d.unitId()).bind("stage", d.stage())
                .bind("due", d.dueAt()).bind("state", state).bind("at", at).run();
    }

    private void deadlineRecomputed(Target t, ParsedEvent event) {
        DeadlineAlert d = deadline(event);
        if (d == null) {
            return;
        }
        sql(t, """
                insert into progress_deadline (deadline_id, submission_id, assignment_id, unit_id, stage, due_at, state)
                values (:d, :s, :a, :u, :stage, :due, 'OPEN')
                on conflict (deadline_id) do update set due_at = excluded.due_at where progress_deadline.state = 'OPEN'""")
                .bind("d", d.deadlineId()).bind("s", d.submissionId())
                .bind("a", d.assignmentId()).bind("u", d.unitId()).bind("stage", d.stage())
                .bind("due", d.dueAt()).run();
    }

    private DeadlineAlert deadline(ParsedEvent event) {
        DeadlineAlert d = event.data(DeadlineAlert.class);
        return d.submissionId() == null || d.deadlineId() == null ? null : d;
    }

    /** Moves the handling stage forwards only: a late-arriving assigned never undoes a reply. */
    private void advance(Target t, long submissionId, String stage, Instant at) {
        sql(t, """
                insert into progress_handling (submission_id, stage, stage_rank, changed_at) values (:s, :stage, :rank, :at)
                on conflict (submission_id) do update set stage = excluded.stage, stage_rank = excluded.stage_rank,
                    changed_at = excluded.changed_at
                where progress_handling.stage_rank < excluded.stage_rank""")
                .bind("s", submissionId).bind("stage", stage.equals("REPLIED_AGAIN") ? "REPLIED" : stage)
                .bind("rank", STAGE_RANK.get(stage)).bind("at", at != null ? at : clock.instant()).run();
    }

    /** The statement on the given set of tables: every {@code progress_} table is named with the set's prefix. */
    private Write sql(Target t, String statement) {
        return writes.sql(STATEMENTS.get(t).computeIfAbsent(statement, s -> s.replace("progress_",
                t.table("progress_"))));
    }

    private static Instant first(Instant... instants) {
        for (Instant i : instants) {
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    static String arrayLiteral(List<Long> ids) {
        if (ids == null) {
            return "{}";
        }
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            s.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return s.append('}').toString();
    }
}
