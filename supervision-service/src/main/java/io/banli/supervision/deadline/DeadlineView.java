package io.banli.supervision.deadline;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.supervision.rule.Stage;

/** A deadline with its traffic light, as the API shows it. */
public record DeadlineView(Long id, Long submissionId, Long assignmentId, Long unitId, Stage stage,
        @Schema(nullable = true) Long commitmentId, int cycle, String kind, String level, boolean keyItem,
        @Schema(nullable = true) String leadingOfficial,
        Instant startsAt, Instant dueAt, DeadlineState state, @Schema(nullable = true) Light light, Instant metAt,
        Boolean metOnTime,
        @Schema(nullable = true) Instant overdueAt, boolean extended, boolean provisional) {
    static DeadlineView of(Deadline d, boolean warned) {
        Light light = switch (d.state) {
            case OVERDUE -> Light.RED;
            case OPEN -> warned ? Light.YELLOW : Light.GREEN;
            default -> null;
        };
        return new DeadlineView(d.id, d.submissionId, d.assignmentId, d.unitId, d.stage, d.commitmentId, d.cycle,
                d.kind, d.level, d.keyItem, d.leadingOfficial, d.startsAt, d.dueAt, d.state, light, d.metAt,
                d.metOnTime, d.overdueAt, d.extended, d.provisional);
    }
}
