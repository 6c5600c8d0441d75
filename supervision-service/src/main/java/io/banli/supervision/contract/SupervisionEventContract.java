package io.banli.supervision.contract;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.banli.kit.events.AsyncApi;
import io.banli.supervision.action.ActionRecordedV1;
import io.banli.supervision.deadline.SupervisionEvents;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineExpiredV1;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineMetV1;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineOpenedV1;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineRecomputedV1;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineWarningV1;
import io.banli.supervision.deadline.SupervisionEvents.OverdueV1;
import io.banli.supervision.explanation.ExplanationFiledV1;
import io.banli.supervision.notice.NoticeIssuedV1;
import io.banli.supervision.reminder.ReminderDispatcher.ReminderSentV1;

/**
 * The AsyncAPI document of what supervision publishes, served at {@code GET /asyncapi.yaml}. It names the event
 * records of every capability, so it sits above them all and none of them depends on it.
 */
@Singleton
public class SupervisionEventContract {

    @Produces
    @Singleton
    public static AsyncApi document() {
        return AsyncApi.of("supervision-service", "Every unit's deadlines (opened, warned, met, overdue, expired, "
                + "moved) and the office's supervision of them. Never an address or a text.")
                .channel(SupervisionEvents.TOPIC, "Deadlines, alerts and supervision actions.")
                .message(SupervisionEvents.OPENED, DeadlineOpenedV1.class,
                        "A deadline opened, or opened again (returned reply, re-handling, commitments, yearly "
                                + "progress). A due time before the opening: owed again past its due time.")
                .message(SupervisionEvents.OVERDUE, OverdueV1.class,
                        "Red: a unit's deadline passed with the work not done. Once per deadline.")
                .message(SupervisionEvents.WARNING, DeadlineWarningV1.class,
                        "Yellow: working days left before a deadline. Once per deadline and level.")
                .message(SupervisionEvents.MET, DeadlineMetV1.class, "The work of a deadline was done.")
                .message(SupervisionEvents.EXPIRED, DeadlineExpiredV1.class,
                        "A window (adjustment request, evaluation) passed unused: it closes, nobody is overdue.")
                .message(SupervisionEvents.RECOMPUTED, DeadlineRecomputedV1.class,
                        "A rule, the calendar or an extension moved a deadline.")
                .message(SupervisionEvents.EXPLANATION_FILED, ExplanationFiledV1.class,
                        "A unit explained a missed deadline; the text stays in supervision.")
                .message(SupervisionEvents.ACTION_RECORDED, ActionRecordedV1.class,
                        "The office recorded a supervision action.",
                        "The submission id, or unit-<id> for an action about a unit only.")
                .message(SupervisionEvents.NOTICE_ISSUED, NoticeIssuedV1.class,
                        "The office issued a notice naming late units and items.", "notice-<id>")
                .message(SupervisionEvents.REMINDER_SENT, ReminderSentV1.class,
                        "A reminder went out; who was told how, never the address.")
                .done();
    }
}
