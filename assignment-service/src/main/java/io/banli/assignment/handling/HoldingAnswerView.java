package io.banli.assignment.handling;

import java.time.Instant;

public record HoldingAnswerView(Long id, Long unitId, String text, Instant recordedAt) {
}
