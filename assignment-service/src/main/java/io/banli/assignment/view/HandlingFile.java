package io.banli.assignment.view;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.assignment.assignment.AssignmentView;
import io.banli.assignment.evaluation.EvaluationView;
import io.banli.assignment.handling.ContactView;
import io.banli.assignment.handling.OpinionView;
import io.banli.assignment.reply.ReplyView;
import io.banli.assignment.submission.SubmissionState;

/** A submission with every unit's part, contacts, opinions, replies and evaluations, as the caller may see them. */
public record HandlingFile(Long submissionId, Long sessionId, int number, String kind, SubmissionState state,
        String title, String field, String leadProposer, boolean keyItem,
        @Schema(nullable = true) String leadingOfficial,
        List<AssignmentView> assignments, List<ContactView> contacts, List<OpinionView> opinions,
        List<ReplyView> replies, List<EvaluationView> evaluations) {
}
