package io.banli.supervision.rule;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;

/** Finds the rule that applies, and records new versions of rules. */
@ApplicationScoped
public class DeadlineRules {

    @Inject
    StateChange stateChange;

    @Inject
    Event<RuleChanged> changed;

    /** The active rule for the stage that fits the item most closely (see {@link DeadlineRule#specificity}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeadlineRule applicable(Stage stage, String kind, String level) {
        List<DeadlineRule> rules = DeadlineRule.list("stage = ?1 and active = true", stage);
        return rules.stream().filter(r -> r.specificity(kind, level) >= 0)
                .max(Comparator.comparingInt(r -> r.specificity(kind, level)))
                .orElseThrow(() -> new IllegalStateException("No active rule for stage " + stage));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadlineRule> active() {
        return DeadlineRule.list("active = true order by stage, kind nulls first, level nulls first");
    }

    /** A new version of the stage's rule for the kind and level (null: all); the old version stays as history. */
    @Transactional
    public DeadlineRule change(Stage stage, RuleChange change) {
        if ((change.extensionAmount() == null) != (change.extensionUnit() == null)) {
            throw Problems.unprocessable("incomplete-extension",
                    "extensionAmount and extensionUnit go together: give both or neither.");
        }
        String kind = change.kind() == null ? null : change.kind().name();
        String level = change.level() == null ? null : change.level().name();
        DeadlineRule previous = DeadlineRule.<DeadlineRule>find("stage = ?1 and active = true", stage).stream()
                .filter(r -> Objects.equals(r.kind, kind) && Objects.equals(r.level, level)).findFirst().orElse(null);
        int version = 1;
        if (previous != null) {
            previous.active = false;
            previous.flush();
            version = previous.version + 1;
        }
        DeadlineRule rule = new DeadlineRule();
        rule.stage = stage;
        rule.kind = kind;
        rule.level = level;
        rule.version = version;
        rule.active = true;
        rule.startsOn = previous != null ? previous.startsOn : stage.startsOn();
        rule.amount = change.amount();
        rule.unit = change.unit();
        rule.extensionAmount = change.extensionAmount();
        rule.extensionUnit = change.extensionUnit();
        rule.warningWorkingDays = change.warningWorkingDays().stream().sorted((a, b) -> b - a).distinct()
                .map(String::valueOf).collect(Collectors.joining(","));
        rule.legalSource = change.legalSource();
        rule.changedAt = stateChange.now();
        rule.changedBy = stateChange.actor();
        rule.persist();
        stateChange.audit("deadline-rule.changed", "deadline-rule",
                stage + (kind == null ? "" : "/" + kind) + (level == null ? "" : "/" + level),
                "version " + version + ": " + rule.amount + " " + rule.unit);
        changed.fire(new RuleChanged(stage, kind, level));
        return rule;
    }
}
