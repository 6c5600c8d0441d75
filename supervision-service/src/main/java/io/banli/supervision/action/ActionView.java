package io.banli.supervision.action;

import java.time.Instant;
import java.time.LocalDate;

/** A recorded supervision action as the API shows it. */
public record ActionView(Long id, Long submissionId, Long unitId, ActionKind kind, String note, LocalDate takenOn,
        Instant recordedAt, String recordedBy) {
    static ActionView of(SupervisionAction a) {
        return new ActionView(a.id, a.submissionId, a.unitId, a.kind, a.note, a.takenOn, a.recordedAt,
                a.recordedBy);
    }
}
