package io.banli.supervision.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.context.ManagedExecutor;

import io.banli.kit.config.BanliConfig;
import io.banli.supervision.calendar.CalendarChanged;
import io.banli.supervision.calendar.WorkingCalendar;
import io.banli.supervision.rule.RuleChanged;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;

/**
 * After a rule or a year of the calendar changed, computes the open deadlines it governs again, in
 * the background and in batches, so the office's request returns at once.
 */
@ApplicationScoped
public class Recomputation {

    private static final int BATCH = 500;

    @Inject
    Deadlines deadlines;

    @Inject
    WorkingCalendar calendar;

    @Inject
    ManagedExecutor executor;

    @Inject
    BanliConfig banli;

    void calendarChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CalendarChanged change) {
        calendar.invalidate();
        Instant from = LocalDate.of(change.year(), 1, 1).atStartOfDay(banli.zone()).toInstant();
        Instant to = LocalDate.of(change.year() + 1, 1, 1).atStartOfDay(banli.zone()).toInstant();
        executor.runAsync(() -> recompute("calendar of " + change.year() + " changed",
                "(provisional = true or (startsAt < :to and dueAt >= :from))", Parameters.with("to", to).and("from", from),
                deadlines::reschedule));
    }

    void ruleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RuleChanged change) {
        // Only deadlines the rule can fit are candidates; of those, only the ones whose governing rule is
        // now another are recomputed (a more specific rule elsewhere keeps governing its own deadlines).
        StringBuilder condition = new StringBuilder("stage = :stage");
        Parameters params = Parameters.with("stage", change.stage());
        if (change.kind() != null) {
            condition.append(" and kind = :kind");
            params.and("kind", change.kind());
        }
        if (change.level() != null) {
            condition.append(" and level = :level");
            params.and("level", change.level());
        }
        String reason = "rule of " + change.stage() + (change.kind() == null ? "" : " for " + change.kind())
                + (change.level() == null ? "" : " at " + change.level() + " level") + " changed";
        executor.runAsync(() -> recompute(reason, condition.toString(), params, deadlines::reapplyRule));
    }

    /** Open deadlines matching {@code condition}, in id order, one batch per transaction. */
    private void recompute(String reason, String condition, Parameters params, BiConsumer<Deadline, String> apply) {
        long after = 0;
        int done = 0;
        while (true) {
            Parameters batch = params.and("after", after).and("open", DeadlineState.OPEN);
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Deadline.<Deadline>find(
                    "id > :after and state = :open and " + condition + " order by id", batch)
                    .page(0, BATCH).list().stream().map(d -> d.id).toList());
            if (ids.isEmpty()) {
                break;
            }
            QuarkusTransaction.requiringNew().run(() -> ids.forEach(id -> apply.accept(
                    Deadline.findById(id, LockModeType.PESSIMISTIC_WRITE), reason)));
            done += ids.size();
            after = ids.get(ids.size() - 1);
        }
        Log.infof("Checked %d open deadline(s): %s", done, reason);
    }
}
