package io.banli.intake.progress;

import static io.banli.intake.progress.ProgressEvents.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.inbox.ReceivedEvent;
import io.banli.kit.sql.Sql;

/**
 * Fills the progress tables from assignment's workflow and supervision's alerts. The two topics are not
 * ordered against each other, so every handler is an upsert that fills what is missing and moves a state
 * only forwards: the handling stage by rank, a deadline from OPEN to MET, OVERDUE or EXPIRED (alerts of
 * one submission are ordered on their own topic, so a later deadline-opened may reopen one). An event missing
 * what the progress needs is left out of it rather than refused: it is still good for the other handlers.
 */
@ApplicationScoped
public class ProgressProjection {

    /** Handling stages in the order a submission passes them; a second round's reply outranks re-handling. */
    static final Map<String, Integer> STAGE_RANK = Map.of("ASSIGNED", 1, "HANDLING", 2, "REPLIED", 3,
            "REHANDLING", 4, "REPLIED_AGAIN", 5, "CLOSED", 6);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    java.time.Clock clock;

    /** The handlers of assignment's workflow events, by type. */
    public Map<String, Consumer<ReceivedEvent>> workflowHandlers() {
        Map<String, Consumer<ReceivedEvent>> handlers = new HashMap<>();
        handlers.put(ASSIGNED, e -> unitPart(e, "ASSIGNED"));
        handlers.put(REHANDLING_STARTED, e -> unitPart(e, "REHANDLING"));
        handlers.put(ADJUSTMENT_DECIDED, this::adjustmentDecided);
        handlers.put(SIGNED, this::signed);
        handlers.put(REPLY_SUBMITTED, this::replySubmitted);
        handlers.put(REPLIED, this::replied);
        handlers.put(EVALUATED, this::evaluated);
        handlers.put(CLOSED, this::closed);
        return handlers;
    }

    /** The handlers of supervision's alerts, by type. */
    public Map<String, Consumer<ReceivedEvent>> alertHandlers() {
        return Map.of(DEADLINE_OPENED, this::deadlineOpened,
                DEADLINE_MET, e -> deadlineClosed(e, "MET"),
                OVERDUE, e -> deadlineClosed(e, "OVERDUE"),
                DEADLINE_EXPIRED, e -> deadlineClosed(e, "EXPIRED"),
                DEADLINE_RECOMPUTED, this::deadlineRecomputed);
    }

    private void unitPart(ReceivedEvent event, String stage) {
        UnitPart part = event.data(mapper, UnitPart.class);
        Instant at = part.assignedAt() != null ? part.assignedAt() : part.startedAt();
        if (part.submissionId() == null || part.unitId() == null) {
            return;
        }
        sql("""
                insert into progress_unit (submission_id, unit_id, assignment_id, unit_name, role, assigned_at)
                values (:s, :u, :a, :name, :role, :at)
                on conflict (submission_id, unit_id) do update set
                    assignment_id = coalesce(excluded.assignment_id, progress_unit.assignment_id),
                    unit_name = coalesce(excluded.unit_name, progress_unit.unit_name),
                    role = coalesce(excluded.role, progress_unit.role),
                    assigned_at = coalesce(progress_unit.assigned_at, excluded.assigned_at)""")
                .bind("s", part.submissionId()).bind("u", part.unitId())
                .bind("a", part.assignmentId()).bind("name", part.unitName())
                .bind("role", part.role()).bind("at", at).run();
        advance(part.submissionId(), stage, at);
    }

    private void adjustmentDecided(ReceivedEvent event) {
        AdjustmentDecided decided = event.data(mapper, AdjustmentDecided.class);
        if (decided.submissionId() == null || decided.unitId() == null || !"REASSIGNED".equals(decided.decision())) {
            return;
        }
        // The unit leaves the item; the new unit's own assigned event adds it.
        sql("""
                insert into progress_unit (submission_id, unit_id, assignment_id, reassigned_at)
                values (:s, :u, :a, :at)
                on conflict (submission_id, unit_id) do update set
                    reassigned_at = coalesce(progress_unit.reassigned_at, excluded.reassigned_at)""")
                .bind("s", decided.submissionId()).bind("u", decided.unitId())
                .bind("a", decided.assignmentId()).bind("at", decided.decidedAt()).run();
    }

    private void signed(ReceivedEvent event) {
        Signed signed = event.data(mapper, Signed.class);
        if (signed.submissionId() == null || signed.unitId() == null) {
            return;
        }
        sql("""
                insert into progress_unit (submission_id, unit_id, assignment_id, signed_at) values (:s, :u, :a, :at)
                on conflict (submission_id, unit_id) do update set
                    assignment_id = coalesce(progress_unit.assignment_id, excluded.assignment_id),
                    signed_at = coalesce(progress_unit.signed_at, excluded.signed_at)""")
                .bind("s", signed.submissionId()).bind("u", signed.unitId())
                .bind("a", signed.assignmentId()).bind("at", signed.signedAt()).run();
        advance(signed.submissionId(), "HANDLING", signed.signedAt());
    }

    private void replySubmitted(ReceivedEvent event) {
        ReplySubmitted r = event.data(mapper, ReplySubmitted.class);
        if (r.submissionId() == null || r.replyId() == null) {
            return;
        }
        // Sent to the office only: recorded for its fingerprint, shown to the member once replied.
        sql("""
                insert into progress_reply (reply_id, submission_id, assignment_id, unit_id, round, result_class,
                    fingerprint, submitted_at)
                values (:r, :s, :a, :u, :round, :class, :fp, :at)
                on conflict (reply_id) do update set submitted_at = coalesce(progress_reply.submitted_at, excluded.submitted_at),
                    fingerprint = coalesce(progress_reply.fingerprint, excluded.fingerprint)""")
                .bind("r", r.replyId()).bind("s", r.submissionId()).bind("a", r.assignmentId())
                .bind("u", r.unitId()).bind("round", r.round()).bind("class", r.resultClass())
                .bind("fp", r.fingerprint()).bind("at", r.submittedAt()).run();
    }

    private void replied(ReceivedEvent event) {
        Replied r = event.data(mapper, Replied.class);
        if (r.submissionId() == null) {
            return;
        }
        advance(r.submissionId(), r.round() != null && r.round() > 1 ? "REPLIED_AGAIN" : "REPLIED", r.repliedAt());
        if (r.replyId() == null) {
            return;
        }
        // The sent reply is authoritative: its class (the office may have changed it) and fingerprint win.
        sql("""
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

    private void evaluated(ReceivedEvent event) {
        Evaluated e = event.data(mapper, Evaluated.class);
        if (e.submissionId() == null || e.replyId() == null || e.memberId() == null || e.rating() == null
                || e.evaluatedAt() == null) {
            return;
        }
        sql("""
                insert into progress_evaluation (reply_id, member_id, submission_id, unit_id, round, rating, evaluated_at)
                values (:r, :m, :s, :u, :round, :rating, :at) on conflict do nothing""")
                .bind("r", e.replyId()).bind("m", e.memberId()).bind("s", e.submissionId())
                .bind("u", e.unitId()).bind("round", e.round()).bind("rating", e.rating())
                .bind("at", e.evaluatedAt()).run();
    }

    private void closed(ReceivedEvent event) {
        Closed c = event.data(mapper, Closed.class);
        if (c.submissionId() == null) {
            return;
        }
        advance(c.submissionId(), "CLOSED", c.closedAt());
    }

    private void deadlineOpened(ReceivedEvent event) {
        DeadlineAlert d = deadline(event);
        if (d == null) {
            return;
        }
        // In order on the alerts topic, so an opening after a closing is a genuine reopening. One reopened past
        // its due time (a late reply returned) is overdue at once: supervision raises red only once per deadline.
        sql("""
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

    private void deadlineClosed(ReceivedEvent event, String state) {
        DeadlineAlert d = deadline(event);
        if (d == null) {
            return;
        }
        Instant at = d.metAt() != null ? d.metAt() : d.detectedAt() != null ? d.detectedAt() : d.expiredAt();
        // OPEN moves to anything, OVERDUE only to MET (done late); MET and EXPIRED are final.
        sql("""
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

    private void deadlineRecomputed(ReceivedEvent event) {
        DeadlineAlert d = deadline(event);
        if (d == null) {
            return;
        }
        sql("""
                insert into progress_deadline (deadline_id, submission_id, assignment_id, unit_id, stage, due_at, state)
                values (:d, :s, :a, :u, :stage, :due, 'OPEN')
                on conflict (deadline_id) do update set due_at = excluded.due_at where progress_deadline.state = 'OPEN'""")
                .bind("d", d.deadlineId()).bind("s", d.submissionId())
                .bind("a", d.assignmentId()).bind("u", d.unitId()).bind("stage", d.stage())
                .bind("due", d.dueAt()).run();
    }

    private DeadlineAlert deadline(ReceivedEvent event) {
        DeadlineAlert d = event.data(mapper, DeadlineAlert.class);
        return d.submissionId() == null || d.deadlineId() == null ? null : d;
    }

    /** Moves the handling stage forwards only: a late-arriving assigned never undoes a reply. */
    private void advance(Long submissionId, String stage, Instant at) {
        sql("""
                insert into progress_handling (submission_id, stage, stage_rank, changed_at) values (:s, :stage, :rank, :at)
                on conflict (submission_id) do update set stage = excluded.stage, stage_rank = excluded.stage_rank,
                    changed_at = excluded.changed_at
                where progress_handling.stage_rank < excluded.stage_rank""")
                .bind("s", submissionId).bind("stage", stage.equals("REPLIED_AGAIN") ? "REPLIED" : stage)
                .bind("rank", STAGE_RANK.get(stage)).bind("at", at != null ? at : clock.instant()).run();
    }

    private Sql sql(String statement) {
        return Sql.of(em, statement);
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
