package io.banli.assignment.handling;

import java.time.Instant;

/** A co-unit's opinion sent to the lead unit (会签). */
public record OpinionView(Long id, Long unitId, Long leadUnitId, String text, Instant sentAt) {
    public static OpinionView of(Opinion o) {
        return new OpinionView(o.id, o.unitId, o.leadUnitId, o.text, o.sentAt);
    }
}
