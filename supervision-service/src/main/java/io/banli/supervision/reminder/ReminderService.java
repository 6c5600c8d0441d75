package io.banli.supervision.reminder;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.kit.audit.AuditLog;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.quarkus.panache.common.Parameters;

/** Who is reminded (units' contacts, leading officials' addresses), set by the office, and the delivery log. */
@ApplicationScoped
@Transactional
public class ReminderService {

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    public UnitContacts setContacts(long unitId, UnitContacts contacts) {
        UnitContact.delete("unitId", unitId);
        save(unitId, ContactRole.LIAISON, contacts.liaison());
        save(unitId, ContactRole.HEAD, contacts.head());
        audit.record("unit-contacts.set", "unit", unitId, null);
        return contacts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UnitContacts contacts(long unitId) {
        return new UnitContacts(contact(unitId, ContactRole.LIAISON), contact(unitId, ContactRole.HEAD));
    }

    public LeaderAddress setLeader(String official, LeaderAddress address) {
        LeaderContact contact = LeaderContact.findById(official);
        if (contact == null) {
            contact = new LeaderContact();
            contact.official = official;
            contact.persist();
        }
        contact.phone = address.phone();
        contact.email = address.email();
        audit.record("leader-contact.set", "official", official, null);
        return address;
    }

    /** Newest first; a unit sees the reminders sent to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> deliveries(Long submissionId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (submissionId != null) {
            where.append(" and submissionId = :submission");
            params.and("submission", submissionId);
        }
        if (caller.hasRole(Roles.UNIT_STAFF) || caller.hasRole(Roles.UNIT_HEAD)) {
            where.append(" and unitId = :unit");
            params.and("unit", caller.unitId().orElse(-1L));
        }
        return Reminder.<Reminder>find(where + " order by createdAt desc, id desc", params).page(0, 500).list()
                .stream().map(r -> new DeliveryView(r.id, r.submissionId, r.deadlineId, r.unitId, r.level, r.recipient,
                        r.channel.name(), mask(r), r.state.name(), r.attempts, r.nextAttemptAt, r.lastError, r.sentAt))
                .toList();
    }

    private static void save(long unitId, ContactRole role, Contact contact) {
        if (contact == null) {
            return;
        }
        UnitContact entity = new UnitContact();
        entity.unitId = unitId;
        entity.role = role;
        entity.name = contact.name();
        entity.phone = contact.phone();
        entity.email = contact.email();
        entity.persist();
    }

    private static Contact contact(long unitId, ContactRole role) {
        UnitContact c = UnitContact.find("unitId = ?1 and role = ?2", unitId, role).firstResult();
        return c == null ? null : new Contact(c.name, c.phone, c.email);
    }

    /** Phone numbers as 139****2001, e-mail addresses as l***@domain; webhook URLs are not personal. */
    static String mask(Reminder r) {
        return switch (r.channel) {
            case SMS -> r.address.length() < 7 ? "****"
                    : r.address.substring(0, 3) + "****" + r.address.substring(r.address.length() - 4);
            case EMAIL -> r.address.charAt(0) + "***" + r.address.substring(r.address.indexOf('@'));
            case WEBHOOK -> r.address;
        };
    }
}
