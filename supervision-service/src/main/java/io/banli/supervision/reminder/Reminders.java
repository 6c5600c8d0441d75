package io.banli.supervision.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.banli.supervision.deadline.AlertLevel;
import io.banli.supervision.deadline.Deadline;

/**
 * Plans the reminders of an alert along the escalation ladder: a yellow warning reaches the unit's
 * liaison officer, a red overdue alert its head as well (configurable). Written in the transaction
 * that raises the alert, so no alert is raised without its reminders; delivery comes later.
 */
@ApplicationScoped
public class Reminders {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    ReminderConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "banli.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(Deadline deadline, String level) {
        boolean red = AlertLevel.RED.equals(level);
        String text = message(deadline, level, red);
        for (ContactRole role : ladder(deadline, red)) {
            String[] address = address(deadline, role);
            if (address == null) {
                continue;
            }
            if (address[1] != null) {
                create(deadline, level, role.name(), Reminder.Channel.EMAIL, address[1], text);
            }
            if (address[0] != null && config.smsUrl().isPresent()) {
                create(deadline, level, role.name(), Reminder.Channel.SMS, address[0], text);
            }
        }
        config.webhookUrl().ifPresent(url -> create(deadline, level, "PLATFORM", Reminder.Channel.WEBHOOK, url, text));
    }

    private List<ContactRole> ladder(Deadline deadline, boolean red) {
        ReminderConfig.Ladder ladder = config.ladder();
        if (deadline.keyItem) {
            return red ? ladder.keyItemRed() : ladder.keyItemYellow();
        }
        return red ? ladder.red() : ladder.yellow();
    }

    /** Phone and e-mail of the role's holder for this deadline, or null when nobody is on file. */
    private static String[] address(Deadline deadline, ContactRole role) {
        if (role == ContactRole.LEADER) {
            LeaderContact leader = deadline.leadingOfficial == null ? null
                    : LeaderContact.findById(deadline.leadingOfficial);
            return leader == null ? null : new String[] {leader.phone, leader.email};
        }
        UnitContact contact = UnitContact.find("unitId = ?1 and role = ?2", deadline.unitId, role).firstResult();
        return contact == null ? null : new String[] {contact.phone, contact.email};
    }

    private void create(Deadline deadline, String level, String recipient, Reminder.Channel channel, String address,
            String text) {
        Instant now = clock.instant();
        Reminder reminder = new Reminder();
        reminder.deadlineId = deadline.id;
        reminder.submissionId = deadline.submissionId;
        reminder.unitId = deadline.unitId;
        reminder.level = level;
        reminder.recipient = recipient;
        reminder.channel = channel;
        reminder.address = address;
        reminder.message = text;
        reminder.state = Reminder.DeliveryState.PENDING;
        reminder.nextAttemptAt = now;
        reminder.createdAt = now;
        reminder.persist();
    }

    /** The message itself carries no personal data: ids, stage and dates only. */
    private String message(Deadline deadline, String level, boolean red) {
        String due = DATE.format(deadline.dueAt.atZone(zone));
        String stage = switch (deadline.stage) {
            case SIGN_FOR -> "签收";
            case CO_OPINION -> "会办意见";
            case REPLY -> "答复";
            case REHANDLING -> "重新办理";
            case COMMITMENT -> deadline.commitmentId != null ? "承诺事项" : "年度办理进展报告";
            // Not a unit's duty: the sweep plans no reminders for these; named for completeness.
            case ADJUSTMENT_REQUEST -> "申请调整";
            case EXTENSION -> "延期审批";
            case EVALUATION -> "办理评价";
        };
        if (red) {
            return "【督办提醒】第" + deadline.submissionId + "号建议提案的" + stage + "已于" + due
                    + "到期，贵单位尚未完成，已逾期。请抓紧办理并报送超期说明。";
        }
        int left = Integer.parseInt(level.substring(AlertLevel.YELLOW_PREFIX.length()));
        return "【办理预警】第" + deadline.submissionId + "号建议提案的" + stage + "将于" + due + "到期"
                + (left == 0 ? "（今日到期）" : "（还有" + left + "个工作日）") + "，请按期办理。";
    }
}
