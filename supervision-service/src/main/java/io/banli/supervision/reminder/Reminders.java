package io.banli.supervision.reminder;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.postgresql.PGConnection;

import io.banli.kit.config.BanliConfig;
import io.banli.supervision.deadline.AlertLevel;
import io.banli.supervision.rule.StageNames;

/**
 * Plans the reminders of alerts along the escalation ladder: a yellow warning reaches the unit's
 * liaison officer, a red overdue alert its head as well (configurable). Written in the transaction
 * that raises the alerts, so no alert is raised without its reminders; delivery comes later.
 */
@ApplicationScoped
public class Reminders {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    ReminderConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    BanliConfig banli;

    private record Planned(RaisedAlert alert, String recipient, Reminder.Channel channel, String address,
            String message) {
    }

    /**
     * Plans the reminders of a batch of alerts: one read of the units' contacts, one of the leading officials',
     * one COPY. Returns how many reminders it planned.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int planAll(List<RaisedAlert> alerts) {
        if (alerts.isEmpty()) {
            return 0;
        }
        Map<Long, Map<ContactRole, UnitContact>> units = new HashMap<>();
        UnitContact.<UnitContact>list("unitId in ?1", alerts.stream().map(RaisedAlert::unitId).distinct().toList())
                .forEach(c -> units.computeIfAbsent(c.unitId, u -> new HashMap<>()).put(c.role, c));
        List<String> officials = alerts.stream().map(RaisedAlert::leadingOfficial).filter(Objects::nonNull).distinct()
                .toList();
        Map<String, LeaderContact> leaders = new HashMap<>();
        if (!officials.isEmpty()) {
            LeaderContact.<LeaderContact>list("official in ?1", officials).forEach(l -> leaders.put(l.official, l));
        }
        List<Planned> planned = new ArrayList<>();
        for (RaisedAlert alert : alerts) {
            boolean red = AlertLevel.RED.equals(alert.level());
            String text = message(alert, red);
            for (ContactRole role : ladder(alert, red)) {
                String[] address = address(alert, role, units, leaders);
                if (address == null) {
                    continue;
                }
                if (address[1] != null) {
                    planned.add(new Planned(alert, role.name(), Reminder.Channel.EMAIL, address[1], text));
                }
                if (address[0] != null && config.smsUrl().isPresent()) {
                    planned.add(new Planned(alert, role.name(), Reminder.Channel.SMS, address[0], text));
                }
            }
            config.webhookUrl().ifPresent(url -> planned.add(new Planned(alert, "PLATFORM", Reminder.Channel.WEBHOOK,
                    url, text)));
        }
        if (!planned.isEmpty()) {
            insert(planned);
        }
        return planned.size();
    }

    /**
     * One COPY for the whole batch: PostgreSQL writes the rows in bulk (several to a WAL record and a page lock), where
     * an INSERT takes them one by one; the sweep plans two reminders for every overdue alert.
     */
    private void insert(List<Planned> planned) {
        String now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        StringBuilder rows = new StringBuilder(planned.size() * 200);
        for (Planned p : planned) {
            RaisedAlert alert = p.alert();
            rows.append(alert.deadlineId()).append('\t').append(alert.submissionId()).append('\t')
                    .append(alert.unitId()).append('\t');
            copyText(rows, alert.level()).append('\t');
            copyText(rows, p.recipient()).append('\t').append(p.channel().name()).append('\t');
            copyText(rows, p.address()).append('\t');
            copyText(rows, p.message()).append("\tPENDING\t0\t").append(now).append('\t').append(now).append('\n');
        }
        em.unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy reminder (deadline_id, submission_id, unit_id, level, recipient, channel, address, message,
                                       state, attempts, next_attempt_at, created_at) from stdin""",
                        new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A value in COPY's text format: backslash, tab and line breaks escaped. */
    private static StringBuilder copyText(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    private List<ContactRole> ladder(RaisedAlert alert, boolean red) {
        ReminderConfig.Ladder ladder = config.ladder();
        if (alert.keyItem()) {
            return red ? ladder.keyItemRed() : ladder.keyItemYellow();
        }
        return red ? ladder.red() : ladder.yellow();
    }

    /** Phone and e-mail of the role's holder for this alert, or null when nobody is on file. */
    private static String[] address(RaisedAlert alert, ContactRole role, Map<Long, Map<ContactRole, UnitContact>> units,
            Map<String, LeaderContact> leaders) {
        if (role == ContactRole.LEADER) {
            LeaderContact leader = alert.leadingOfficial() == null ? null : leaders.get(alert.leadingOfficial());
            return leader == null ? null : new String[] {leader.phone, leader.email};
        }
        UnitContact contact = units.getOrDefault(alert.unitId(), Map.of()).get(role);
        return contact == null ? null : new String[] {contact.phone, contact.email};
    }

    /**
     * The message itself carries no personal data: the item's number in its session (第N号, never a database
     * id), the stage and dates only.
     */
    private String message(RaisedAlert alert, boolean red) {
        String due = DATE.format(alert.dueAt().atZone(banli.zone()));
        String stage = StageNames.of(alert.stage(), alert.commitmentId() == null);
        if (red) {
            return "【督办提醒】" + item(alert) + "的" + stage + "已于" + due
                    + "到期，贵单位尚未完成，已逾期。请抓紧办理并报送超期说明。";
        }
        int left = Integer.parseInt(alert.level().substring(AlertLevel.YELLOW_PREFIX.length()));
        return "【办理预警】" + item(alert) + "的" + stage + "将于" + due + "到期"
                + (left == 0 ? "（今日到期）" : "（还有" + left + "个工作日）") + "，请按期办理。";
    }

    /** 第N号建议提案; an item whose deadline predates the number in the events is named without one. */
    private static String item(RaisedAlert alert) {
        return alert.submissionNumber() == null ? "一件建议提案" : "第" + alert.submissionNumber() + "号建议提案";
    }
}
