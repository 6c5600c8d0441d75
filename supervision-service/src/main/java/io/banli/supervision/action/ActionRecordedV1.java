package io.banli.supervision.action;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Data of {@code banli.supervision.supervision-action-recorded.v1}. */
public record ActionRecordedV1(long actionId, Long submissionId, Long unitId,
        @Schema(implementation = ActionKind.class) String kind, LocalDate takenOn) {
}
