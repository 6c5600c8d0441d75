package io.banli.assignment.contract;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.banli.assignment.assignment.WorkflowEvents;
import io.banli.assignment.assignment.WorkflowEvents.AdjustmentDecidedV1;
import io.banli.assignment.assignment.WorkflowEvents.AdjustmentRequestedV1;
import io.banli.assignment.assignment.WorkflowEvents.AssignedV1;
import io.banli.assignment.assignment.WorkflowEvents.ClosedV1;
import io.banli.assignment.assignment.WorkflowEvents.CommitmentProgressedV1;
import io.banli.assignment.assignment.WorkflowEvents.ExtensionDecidedV1;
import io.banli.assignment.assignment.WorkflowEvents.ExtensionRequestedV1;
import io.banli.assignment.assignment.WorkflowEvents.HoldingAnswerRecordedV1;
import io.banli.assignment.assignment.WorkflowEvents.OpinionSentV1;
import io.banli.assignment.assignment.WorkflowEvents.PreAssignedV1;
import io.banli.assignment.assignment.WorkflowEvents.RehandlingStartedV1;
import io.banli.assignment.assignment.WorkflowEvents.ReplyApprovedV1;
import io.banli.assignment.assignment.WorkflowEvents.ReplyReturnedV1;
import io.banli.assignment.assignment.WorkflowEvents.SignedV1;
import io.banli.assignment.evaluation.EvaluatedV1;
import io.banli.assignment.handling.ContactRecordedV1;
import io.banli.assignment.reply.RepliedV1;
import io.banli.assignment.reply.ReplySubmittedV1;
import io.banli.kit.events.AsyncApi;

/**
 * The AsyncAPI document of what assignment publishes, served at {@code GET /asyncapi.yaml}. It names the event
 * records of every capability, so it sits above them all and none of them depends on it.
 */
@Singleton
public class WorkflowEventContract {

    @Produces
    @Singleton
    public static AsyncApi document() {
        return AsyncApi.of("assignment-service", "Each unit's handling of a registered submission, from "
                + "pre-assignment to the proposer's evaluation and the commitments after it. Ids only, and the text of a "
                + "reply that may be published.")
                .channel(WorkflowEvents.TOPIC, "Every step of the handling workflow.")
                .message(WorkflowEvents.PRE_ASSIGNED, PreAssignedV1.class,
                        "A unit's part proposed: opens its adjustment window. One per unit.")
                .message(WorkflowEvents.ADJUSTMENT_REQUESTED, AdjustmentRequestedV1.class,
                        "A pre-assigned unit says the item is not its own.")
                .message(WorkflowEvents.ADJUSTMENT_DECIDED, AdjustmentDecidedV1.class,
                        "The office kept the unit or moved the part to another unit.")
                .message(WorkflowEvents.ASSIGNED, AssignedV1.class,
                        "A unit's part formally assigned: starts its legal clock. One per unit.")
                .message(WorkflowEvents.SIGNED, SignedV1.class, "The unit signed for its part.")
                .message(WorkflowEvents.CONTACT_RECORDED, ContactRecordedV1.class,
                        "The unit recorded a contact with the proposer.")
                .message(WorkflowEvents.OPINION_SENT, OpinionSentV1.class,
                        "A co-unit sent its opinion to the lead unit.")
                .message(WorkflowEvents.REPLY_APPROVED, ReplyApprovedV1.class,
                        "The unit's head approved its reply.")
                .message(WorkflowEvents.REPLY_SUBMITTED, ReplySubmittedV1.class,
                        "The unit submitted its reply to the office (round 1, or 2 after re-handling).")
                .message(WorkflowEvents.REPLY_RETURNED, ReplyReturnedV1.class,
                        "The office returned the reply; the reply deadline stays open.")
                .message(WorkflowEvents.REPLIED, RepliedV1.class,
                        "The reply was sent to the proposer and signed co-signers.")
                .message(WorkflowEvents.HOLDING_ANSWER_RECORDED, HoldingAnswerRecordedV1.class,
                        "The unit recorded a holding answer.")
                .message(WorkflowEvents.EXTENSION_REQUESTED, ExtensionRequestedV1.class,
                        "The unit asked for more time.")
                .message(WorkflowEvents.EXTENSION_DECIDED, ExtensionDecidedV1.class,
                        "The office decided on an extension (at most 6 months from assignment).")
                .message(WorkflowEvents.EVALUATED, EvaluatedV1.class,
                        "A member rated the reply. One per evaluating member.")
                .message(WorkflowEvents.REHANDLING_STARTED, RehandlingStartedV1.class,
                        "A unit's part handled again after an unsatisfied evaluation.")
                .message(WorkflowEvents.CLOSED, ClosedV1.class,
                        "Handling of the submission ended; B-class items stay in yearly follow-up.")
                .message(WorkflowEvents.COMMITMENT_PROGRESSED, CommitmentProgressedV1.class,
                        "The unit reported progress on a commitment of its reply.")
                .done();
    }
}
