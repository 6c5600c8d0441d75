package io.banli.assignment.handling;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.assignment.handling.Contact.Method;
import io.banli.assignment.handling.Contact.Timing;

/** Data of {@code banli.assignment.contact-recorded.v1}. */
public record ContactRecordedV1(long submissionId, long assignmentId, long unitId, long contactId,
        @Schema(implementation = Timing.class) String timing, @Schema(implementation = Method.class) String method,
        boolean faceToFace, LocalDate contactedOn, Instant recordedAt) {
}
