package io.banli.supervision.rule;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A version of a deadline rule as the API shows it. */
public record RuleView(Long id, Stage stage, @Schema(nullable = true) String kind,
@Schema(nullable = true) String level, int version, String startsOn, int amount,
        TimeUnit unit, Integer extensionAmount, TimeUnit extensionUnit, List<Integer> warningWorkingDays,
        String legalSource, Instant changedAt, String changedBy) {
    static RuleView of(DeadlineRule r) {
        return new RuleView(r.id, r.stage, r.kind, r.level, r.version, r.startsOn, r.amount, r.unit,
                r.extensionAmount, r.extensionUnit, r.warnings(), r.legalSource, r.changedAt, r.changedBy);
    }
}
