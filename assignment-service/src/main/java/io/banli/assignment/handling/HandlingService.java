package io.banli.assignment.handling;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.assignment.AssignmentState;
import io.banli.assignment.assignment.Parts;
import io.banli.assignment.assignment.UnitRole;
import io.banli.assignment.assignment.WorkflowEvents;
import io.banli.assignment.assignment.WorkflowEvents.HoldingAnswerRecordedV1;
import io.banli.assignment.assignment.WorkflowEvents.OpinionSentV1;
import io.banli.assignment.assignment.WorkflowEvents.SignedV1;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;

/** What a unit does while it handles its part: sign for it, meet the proposer, send its opinion. */
@ApplicationScoped
@Transactional
public class HandlingService {

    @Inject
    StateChange change;

    @Inject
    Parts parts;

    @Inject
    java.time.Clock clock;

    /** 签收: the unit confirms it received its part. A second sign-for is refused, never counted twice. */
    public Assignment signFor(long submissionId) {
        Assignment part = parts.ofCaller(submissionId);
        part.moveTo(AssignmentState.HANDLING, "sign for it");
        part.signedAt = change.now();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.SIGNED, String.valueOf(submissionId),
                new SignedV1(submissionId, part.id, part.unitId, part.signedAt));
        change.audit("part.signed", "submission", submissionId, "unit " + part.unitId + ": ASSIGNED → HANDLING");
        Assignment.flush();
        return part;
    }

    public Contact recordContact(long submissionId, Contact.Timing timing, Contact.Method method,
            LocalDate contactedOn, String note) {
        Assignment part = parts.ofCaller(submissionId);
        if (part.assignedAt == null || !part.state.isLive()) {
            throw Problems.illegalTransition("The part of unit " + part.unitId + " in submission " + submissionId
                    + " is " + part.state + ": contacts are recorded while the unit handles it.");
        }
        if (contactedOn.isAfter(LocalDate.now(clock))) {
            throw Problems.badInput("future-date", "contactedOn", "body", "must not be in the future");
        }
        Contact contact = new Contact();
        contact.submissionId = submissionId;
        contact.assignmentId = part.id;
        contact.unitId = part.unitId;
        contact.timing = timing;
        contact.method = method;
        contact.contactedOn = contactedOn;
        contact.note = note;
        contact.recordedAt = change.now();
        contact.recordedBy = change.actor();
        contact.persist();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.CONTACT_RECORDED, String.valueOf(submissionId),
                new ContactRecordedV1(submissionId, part.id, part.unitId, contact.id, timing.name(), method.name(),
                        method.faceToFace(), contactedOn, contact.recordedAt));
        change.audit("contact.recorded", "submission", submissionId, "unit " + part.unitId + ": " + timing + " "
                + method + " on " + contactedOn);
        return contact;
    }

    /** 会办意见: a co-unit's opinion goes to the lead unit; it ends the co-unit's part of the work. */
    public Opinion sendOpinion(long submissionId, String text) {
        Assignment part = parts.ofCaller(submissionId);
        if (part.role != UnitRole.CO) {
            throw Problems.illegalTransition("Unit " + part.unitId + " is the " + part.role + " unit of submission "
                    + submissionId + ": only co-units send an opinion.");
        }
        part.moveTo(AssignmentState.OPINION_SENT, "send an opinion");
        Assignment lead = Parts.live(submissionId).stream().filter(a -> a.role == UnitRole.LEAD).findFirst()
                .orElseThrow(() -> Problems.illegalTransition("Submission " + submissionId + " has no lead unit."));
        Opinion opinion = new Opinion();
        opinion.submissionId = submissionId;
        opinion.assignmentId = part.id;
        opinion.unitId = part.unitId;
        opinion.leadUnitId = lead.unitId;
        opinion.text = text;
        opinion.sentAt = change.now();
        opinion.sentBy = change.actor();
        opinion.persist();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.OPINION_SENT, String.valueOf(submissionId),
                new OpinionSentV1(submissionId, part.id, part.unitId, lead.unitId, opinion.sentAt));
        change.audit("opinion.sent", "submission", submissionId, "unit " + part.unitId + " to lead unit "
                + lead.unitId + ": HANDLING → OPINION_SENT");
        Assignment.flush();
        return opinion;
    }

    public HoldingAnswer recordHoldingAnswer(long submissionId, String text) {
        Assignment part = parts.ofCaller(submissionId);
        if (!part.replies() || (part.state != AssignmentState.HANDLING && part.state != AssignmentState.REHANDLING)) {
            throw Problems.illegalTransition("The part of unit " + part.unitId + " in submission " + submissionId
                    + " is " + part.state + " (" + part.role + "): a holding answer is for a replying unit that is "
                    + "still handling.");
        }
        HoldingAnswer answer = new HoldingAnswer();
        answer.submissionId = submissionId;
        answer.assignmentId = part.id;
        answer.unitId = part.unitId;
        answer.text = text;
        answer.recordedAt = change.now();
        answer.recordedBy = change.actor();
        answer.persist();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.HOLDING_ANSWER_RECORDED, String.valueOf(submissionId),
                new HoldingAnswerRecordedV1(submissionId, part.id, part.unitId, answer.recordedAt));
        change.audit("holding-answer.recorded", "submission", submissionId, "unit " + part.unitId);
        return answer;
    }
}
