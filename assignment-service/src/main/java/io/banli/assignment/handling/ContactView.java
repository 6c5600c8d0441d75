package io.banli.assignment.handling;

import java.time.Instant;
import java.time.LocalDate;

/** A recorded contact with the proposer. */
public record ContactView(Long id, Long unitId, Contact.Timing timing, Contact.Method method,
        boolean faceToFace, LocalDate contactedOn, String note, Instant recordedAt) {
    public static ContactView of(Contact c) {
        return new ContactView(c.id, c.unitId, c.timing, c.method, c.method.faceToFace(), c.contactedOn, c.note,
                c.recordedAt);
    }
}
