package io.banli.supervision.reminder;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How reminders escalate and when they may be delivered. */
@ConfigMapping(prefix = "banli.reminders")
public interface ReminderConfig {

    /** The contacts told of a yellow warning, e.g. the liaison officer. */
    Ladder ladder();

    /** No message before this time of a working day. */
    LocalTime workingHoursStart();

    /** No message after this time of a working day. */
    LocalTime workingHoursEnd();

    /** How often pending reminders are looked for (also read by the dispatcher's schedule). */
    java.time.Duration interval();

    /** How long a claimed delivery may go unrecorded (a crash mid-send) before it is taken again. */
    @WithDefault("PT10M")
    java.time.Duration claimLease();

    /** Deliveries sent at once, so one slow channel does not hold up the others. */
    @WithDefault("8")
    int concurrency();

    /** Timeout of the short transactions that claim deliveries and record their outcome (never held while sending). */
    @WithDefault("PT30S")
    java.time.Duration transactionTimeout();

    /** The SMS gateway's endpoint (HTTP POST of {@code {"phone", "text"}}); no SMS without it. */
    Optional<String> smsUrl();

    /** An external platform's endpoint for alerts (HTTP POST of a CloudEvent JSON); none without it. */
    Optional<String> webhookUrl();

    interface Ladder {
        /** Contact roles (LIAISON, HEAD) told of a yellow warning. */
        List<ContactRole> yellow();

        /** Contact roles told of a red overdue alert: the escalation. */
        List<ContactRole> red();

        /** The stricter ladder of key items, for warnings. */
        List<ContactRole> keyItemYellow();

        /** The stricter ladder of key items, for overdue alerts: up to the leading official. */
        List<ContactRole> keyItemRed();
    }
}
