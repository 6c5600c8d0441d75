package io.banli.assignment.handling;

import java.time.Instant;

/** A recorded holding answer (情况说明): where handling stands, before the reply is due. */
public record HoldingAnswerView(Long id, Long unitId, String text, Instant recordedAt) {
}
