package io.banli.supervision.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.consumer.EventConsumer;
import io.banli.kit.inbox.ReceivedEvent;
import io.banli.supervision.deadline.WorkflowEvents.AdjustmentDecided;
import io.banli.supervision.deadline.WorkflowEvents.Assigned;
import io.banli.supervision.deadline.WorkflowEvents.Closed;
import io.banli.supervision.deadline.WorkflowEvents.CommitmentProgressed;
import io.banli.supervision.deadline.WorkflowEvents.ExtensionDecided;
import io.banli.supervision.deadline.WorkflowEvents.Replied;
import io.banli.supervision.deadline.WorkflowEvents.UnitEvent;
import io.banli.supervision.rule.Stage;
import io.smallrye.common.annotation.Blocking;

/**
 * Follows the handling workflow: each event opens the deadlines of the stage it starts and meets,
 * re-opens or ends the ones it settles.
 */
@ApplicationScoped
public class WorkflowConsumer {

    @Inject
    ObjectMapper mapper;

    @Inject
    Deadlines deadlines;

    @Inject
    EventConsumer consumer;

    @Inject
    Clock clock;

    @Incoming("workflow")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumer.dispatch("workflow", record, handlers());
    }

    private Map<String, Consumer<ReceivedEvent>> handlers() {
        return Map.ofEntries(
                Map.entry(WorkflowEvents.PRE_ASSIGNED, this::preAssigned),
                Map.entry(WorkflowEvents.ADJUSTMENT_REQUESTED, this::adjustmentRequested),
                Map.entry(WorkflowEvents.ADJUSTMENT_DECIDED, this::adjustmentDecided),
                Map.entry(WorkflowEvents.ASSIGNED, this::assigned),
                Map.entry(WorkflowEvents.SIGNED, event -> done(event, Stage.SIGN_FOR)),
                Map.entry(WorkflowEvents.OPINION_SENT, event -> done(event, Stage.CO_OPINION)),
                Map.entry(WorkflowEvents.REPLY_SUBMITTED, event -> done(event, Stage.REPLY)),
                Map.entry(WorkflowEvents.REPLY_RETURNED, this::replyReturned),
                Map.entry(WorkflowEvents.REPLIED, this::replied),
                Map.entry(WorkflowEvents.EXTENSION_REQUESTED, this::extensionRequested),
                Map.entry(WorkflowEvents.EXTENSION_DECIDED, this::extensionDecided),
                Map.entry(WorkflowEvents.EVALUATED, this::evaluated),
                Map.entry(WorkflowEvents.REHANDLING_STARTED, this::rehandlingStarted),
                Map.entry(WorkflowEvents.CLOSED, this::closed),
                Map.entry(WorkflowEvents.COMMITMENT_PROGRESSED, this::commitmentProgressed));
    }

    private void preAssigned(ReceivedEvent event) {
        Assigned a = assignment(event);
        deadlines.open(new Deadlines.Opening(a.submissionId(), a.assignmentId(), a.unitId(), Stage.ADJUSTMENT_REQUEST,
                a.at(event.type()), a.item()));
    }

    private void assigned(ReceivedEvent event) {
        Assigned a = assignment(event);
        event.require("role", a.role());
        // The adjustment window counts from the first assignment the unit received: a direct assignment opens it,
        // after a pre-assignment the window already open runs on (opening it again finds it and opens nothing).
        deadlines.open(new Deadlines.Opening(a.submissionId(), a.assignmentId(), a.unitId(), Stage.ADJUSTMENT_REQUEST,
                a.at(event.type()), a.item()));
        // Every unit signs for its part; a co-unit then owes its opinion, every other unit a reply.
        for (Stage stage : new Stage[] {Stage.SIGN_FOR, "CO".equals(a.role()) ? Stage.CO_OPINION : Stage.REPLY}) {
            deadlines.open(new Deadlines.Opening(a.submissionId(), a.assignmentId(), a.unitId(), stage,
                    a.at(event.type()), a.item()));
        }
    }

    /** Each unsatisfied evaluation starts another round of re-handling on the same assignment. */
    private void rehandlingStarted(ReceivedEvent event) {
        Assigned r = assignment(event);
        deadlines.nextCycle(r.assignmentId(), Stage.REHANDLING).ifPresent(cycle -> deadlines.open(
                new Deadlines.Opening(r.submissionId(), r.assignmentId(), r.unitId(), Stage.REHANDLING, r.at(event.type()),
                        r.item(), null, cycle, null)));
    }

    private Assigned assignment(ReceivedEvent event) {
        Assigned a = event.data(mapper, Assigned.class);
        event.require("submissionId, assignmentId, unitId and the instant", a.submissionId(), a.assignmentId(),
                a.unitId(), a.at(event.type()));
        return a;
    }

    /**
     * The evaluation window is every signed member's, not the first rater's: it ends when the round's evaluation
     * is complete (everyone rated, or re-handling opened), else it expires. An event without the flag (from a
     * producer before it existed) ends it, as before.
     */
    private void evaluated(ReceivedEvent event) {
        UnitEvent rated = unitEvent(event);
        if (!Boolean.FALSE.equals(rated.complete())) {
            meetWork(rated.submissionId(), rated.unitId(), Stage.EVALUATION, rated.at());
        }
    }

    private void done(ReceivedEvent event, Stage stage) {
        UnitEvent done = unitEvent(event);
        meetWork(done.submissionId(), done.unitId(), stage, done.at());
    }

    private void meetWork(long submissionId, long unitId, Stage stage, Instant at) {
        deadlines.meet(submissionId, unitId, stage, at);
        if (stage == Stage.REPLY) {
            // The second reply is what ends a re-handling.
            deadlines.meet(submissionId, unitId, Stage.REHANDLING, at);
        }
        if (stage == Stage.REPLY || stage == Stage.CO_OPINION) {
            // A unit that sent its opinion or reply has the item: a sign-for still open (its event late or
            // lost) is met by that, so no wrong sign-for alert follows.
            deadlines.meet(submissionId, unitId, Stage.SIGN_FOR, at);
        }
    }

    /** The request uses the unit's window, and the office now owes its decision (调整审核). */
    private void adjustmentRequested(ReceivedEvent event) {
        UnitEvent requested = unitEvent(event);
        event.require("assignmentId", requested.assignmentId());
        meetWork(requested.submissionId(), requested.unitId(), Stage.ADJUSTMENT_REQUEST, requested.at());
        deadlines.nextCycle(requested.assignmentId(), Stage.ADJUSTMENT_DECISION).ifPresent(cycle -> deadlines.open(
                new Deadlines.Opening(requested.submissionId(), requested.assignmentId(), requested.unitId(),
                        Stage.ADJUSTMENT_DECISION, requested.at(), deadlines.itemOf(requested.submissionId(),
                                requested.assignmentId(), requested.unitId()), null, cycle, null)));
    }

    /**
     * The office decided: its decision deadline is met and the unit's window is over. A unit the part moved away
     * from owes nothing more on it; the new unit's own pre-assigned or assigned event opens its deadlines.
     */
    private void adjustmentDecided(ReceivedEvent event) {
        AdjustmentDecided decided = event.data(mapper, AdjustmentDecided.class);
        event.require("submissionId, assignmentId, unitId, decision", decided.submissionId(), decided.assignmentId(),
                decided.unitId(), decided.decision());
        deadlines.meet(decided.submissionId(), decided.unitId(), Stage.ADJUSTMENT_DECISION,
                decided.decidedAt() != null ? decided.decidedAt() : clock.instant());
        boolean movedAway = "REASSIGNED".equals(decided.decision());
        for (Stage stage : movedAway ? new Stage[] {Stage.ADJUSTMENT_REQUEST, Stage.SIGN_FOR, Stage.CO_OPINION,
                Stage.REPLY} : new Stage[] {Stage.ADJUSTMENT_REQUEST}) {
            deadlines.closeStage(decided.submissionId(), decided.unitId(), decided.assignmentId(), stage,
                    movedAway ? "adjusted to another unit" : "adjustment decided");
        }
    }

    private void replyReturned(ReceivedEvent event) {
        UnitEvent returned = unitEvent(event);
        deadlines.reopen(returned.submissionId(), returned.unitId());
    }

    /**
     * The reply reached the proposer: whatever reply is still open is met (its submitted event may come
     * late), the proposer's evaluation window opens, and so does a deadline for every commitment.
     */
    private void replied(ReceivedEvent event) {
        Replied r = event.data(mapper, Replied.class);
        event.require("submissionId, assignmentId, unitId, repliedAt", r.submissionId(), r.assignmentId(), r.unitId(),
                r.repliedAt());
        meetWork(r.submissionId(), r.unitId(), Stage.REPLY, r.repliedAt());
        Deadlines.Item item = deadlines.itemOf(r.submissionId(), r.assignmentId(), r.unitId());
        int round = r.round() == null ? 1 : r.round();
        deadlines.open(new Deadlines.Opening(r.submissionId(), r.assignmentId(), r.unitId(), Stage.EVALUATION,
                r.repliedAt(), item, null, round, null));
        for (WorkflowEvents.Commitment c : r.commitments() == null ? List.<WorkflowEvents.Commitment>of()
                : r.commitments()) {
            event.require("commitmentId, promisedOn", c.commitmentId(), c.promisedOn());
            Deadline promise = deadlines.open(new Deadlines.Opening(r.submissionId(), r.assignmentId(), r.unitId(),
                    Stage.COMMITMENT, r.repliedAt(), item, c.commitmentId(), 1, c.promisedOn()));
            // A corrected reply (a new version) may promise another date: the promise runs to the new one.
            if (!c.promisedOn().equals(promise.fixedLastDay) && promise.state == DeadlineState.OPEN) {
                promise.fixedLastDay = c.promisedOn();
                deadlines.reschedule(promise, "reply version " + (r.version() == null ? "?" : r.version())
                        + " promises " + c.promisedOn());
            }
        }
    }

    /** The office owes a decision; a unit asking again after a refusal opens the next cycle. */
    private void extensionRequested(ReceivedEvent event) {
        UnitEvent requested = unitEvent(event);
        event.require("assignmentId", requested.assignmentId());
        deadlines.nextCycle(requested.assignmentId(), Stage.EXTENSION).ifPresent(cycle -> deadlines.open(
                new Deadlines.Opening(requested.submissionId(), requested.assignmentId(), requested.unitId(),
                        Stage.EXTENSION, requested.at(), deadlines.itemOf(requested.submissionId(),
                                requested.assignmentId(), requested.unitId()), null, cycle, null)));
    }

    private void extensionDecided(ReceivedEvent event) {
        ExtensionDecided decided = event.data(mapper, ExtensionDecided.class);
        event.require("submissionId, unitId, approved", decided.submissionId(), decided.unitId(), decided.approved());
        deadlines.meet(decided.submissionId(), decided.unitId(), Stage.EXTENSION,
                decided.decidedAt() != null ? decided.decidedAt() : clock.instant());
        if (decided.approved()) {
            deadlines.extend(decided.submissionId(), decided.unitId(), Stage.REPLY, decided.until());
        }
    }

    /**
     * Closing ends what is left, except promised commitments, which stay tracked across years; a B-class
     * item also owes a yearly progress report from each replying unit until it is solved.
     */
    private void closed(ReceivedEvent event) {
        Closed closed = event.data(mapper, Closed.class);
        event.require("submissionId", closed.submissionId());
        if ("MERGED".equals(closed.outcome())) {
            // 并案: the host item is handled and chased instead; nothing of this item's own is owed any more.
            deadlines.closeAll(closed.submissionId(), false, "item merged into another");
            return;
        }
        // Closing keeps promised commitments and the evaluation windows: co-signers may still rate (issue 14).
        deadlines.closeAll(closed.submissionId(), true, "item closed");
        if (Boolean.TRUE.equals(closed.followUp())) {
            Instant at = closed.closedAt() != null ? closed.closedAt() : clock.instant();
            Set<Long> units = new HashSet<>();
            for (Deadline reply : Deadline.<Deadline>list("submissionId = ?1 and stage in ?2 order by id",
                    closed.submissionId(), List.of(Stage.REPLY, Stage.REHANDLING))) {
                if (units.add(reply.unitId)) {
                    deadlines.open(new Deadlines.Opening(reply.submissionId, reply.assignmentId, reply.unitId,
                            Stage.COMMITMENT, at, deadlines.itemOf(reply.submissionId, reply.assignmentId,
                                    reply.unitId)));
                }
            }
        }
    }

    /**
     * A progress report: a fulfilled commitment is met; any report meets the unit's yearly progress
     * deadline, and the next year's opens unless the follow-up is over (fulfilled, no promise left).
     */
    private void commitmentProgressed(ReceivedEvent event) {
        CommitmentProgressed p = event.data(mapper, CommitmentProgressed.class);
        event.require("submissionId, unitId, recordedAt", p.submissionId(), p.unitId(), p.recordedAt());
        boolean fulfilled = Boolean.TRUE.equals(p.fulfilled());
        if (fulfilled && p.commitmentId() != null) {
            deadlines.meetCommitment(p.submissionId(), p.unitId(), p.commitmentId(), p.recordedAt());
        }
        boolean over = fulfilled && !deadlines.commitmentsOwed(p.submissionId(), p.unitId());
        for (Deadline year : deadlines.meetCommitment(p.submissionId(), p.unitId(), null, p.recordedAt())) {
            if (!over) {
                deadlines.open(new Deadlines.Opening(year.submissionId, year.assignmentId, year.unitId,
                        Stage.COMMITMENT, year.dueAt, Deadlines.Item.of(year), null, year.cycle + 1, null));
            }
        }
    }

    private UnitEvent unitEvent(ReceivedEvent event) {
        UnitEvent e = event.data(mapper, UnitEvent.class);
        event.require("submissionId, unitId and the instant", e.submissionId(), e.unitId(), e.at());
        return e;
    }
}
