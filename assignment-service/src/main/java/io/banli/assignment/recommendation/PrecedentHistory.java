package io.banli.assignment.recommendation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Reads the handled items as precedents: the units that were formally assigned (lead, sole and split units lead,
 * co-units assist), the units they were re-assigned away from, and the class of the sent reply.
 */
@ApplicationScoped
class PrecedentHistory {

    @Inject
    EntityManager em;

    /**
     * Changes whenever the history does: both counts only grow (a part is assigned or re-assigned away, a reply
     * is sent or superseded by a sent correction), so equal counts mean the same history.
     */
    String version() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select (select count(*) from assignment where assigned_at is not null or state = 'REASSIGNED'),
                       (select count(*) from reply where state in ('SENT', 'SUPERSEDED'))""").getSingleResult();
        return row[0] + "/" + row[1];
    }

    /** The first sent reply of each item that may be published: public, of an item that is not confidential. */
    @SuppressWarnings("unchecked")
    Map<Long, String> publicReplies(Collection<Long> submissionIds) {
        Map<Long, String> texts = new HashMap<>();
        if (submissionIds.isEmpty()) {
            return texts;
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select distinct on (r.submission_id) r.submission_id, r.text
                from reply r join handled_submission s on s.id = r.submission_id
                where r.state = 'SENT' and r.disclosure = 'PUBLIC' and not s.confidential
                  and r.submission_id in (:ids)
                order by r.submission_id, r.id""").setParameter("ids", submissionIds).getResultList()) {
            texts.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        return texts;
    }

    @SuppressWarnings("unchecked")
    List<Precedent> load() {
        Map<Long, String> classes = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select distinct on (submission_id) submission_id, result_class from reply
                where state = 'SENT' order by submission_id, id""").getResultList()) {
            classes.put(((Number) row[0]).longValue(), String.valueOf(row[1]));
        }
        Map<Long, Builder> items = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select a.submission_id, s.title, s.field, s.session_id, s.number, a.unit_id, a.role, a.state
                from assignment a join handled_submission s on s.id = a.submission_id
                where a.assigned_at is not null or a.state = 'REASSIGNED'
                order by a.submission_id, a.id""").getResultList()) {
            long id = ((Number) row[0]).longValue();
            Builder item = items.computeIfAbsent(id, k -> new Builder(id, (String) row[1], (String) row[2],
                    ((Number) row[3]).longValue(), ((Number) row[4]).intValue()));
            long unit = ((Number) row[5]).longValue();
            if ("REASSIGNED".equals(row[7])) {
                item.left.add(unit);
            } else if ("CO".equals(row[6])) {
                item.co.add(unit);
            } else {
                item.lead.add(unit);
            }
        }
        List<Precedent> precedents = new ArrayList<>(items.size());
        for (Builder b : items.values()) {
            // A unit re-assigned away and later back again was right after all.
            b.left.removeAll(b.lead);
            if (!b.lead.isEmpty()) {
                // Re-assigned away and never formally assigned yet: nothing to learn from until it is.
                precedents.add(new Precedent(b.id, b.title, b.field, b.sessionId, b.number, classes.get(b.id),
                        List.copyOf(b.lead), List.copyOf(b.co), List.copyOf(b.left)));
            }
        }
        return precedents;
    }

    private static final class Builder {
        final long id;
        final String title;
        final String field;
        final long sessionId;
        final int number;
        final List<Long> lead = new ArrayList<>(1);
        final List<Long> co = new ArrayList<>(0);
        final List<Long> left = new ArrayList<>(0);

        Builder(long id, String title, String field, long sessionId, int number) {
            this.id = id;
            this.title = title;
            this.field = field;
            this.sessionId = sessionId;
            this.number = number;
        }
    }
}
