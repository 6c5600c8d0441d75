package io.banli.reporting.projection;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.inbox.ReceivedEvent;
import io.banli.reporting.opendata.PersonalData;
import io.banli.reporting.platform.PlatformGrantWriter;
import io.banli.reporting.progress.ProgressWriter;
import io.banli.reporting.projection.ProjectedEvents.AdjustmentDecided;
import io.banli.reporting.projection.ProjectedEvents.Assigned;
import io.banli.reporting.projection.ProjectedEvents.Closed;
import io.banli.reporting.projection.ProjectedEvents.CommitmentProgressed;
import io.banli.reporting.projection.ProjectedEvents.CommitmentRef;
import io.banli.reporting.projection.ProjectedEvents.ContactRecorded;
import io.banli.reporting.projection.ProjectedEvents.Deadline;
import io.banli.reporting.projection.ProjectedEvents.Evaluated;
import io.banli.reporting.projection.ProjectedEvents.ExtensionDecided;
import io.banli.reporting.projection.ProjectedEvents.Merged;
import io.banli.reporting.projection.ProjectedEvents.Refused;
import io.banli.reporting.projection.ProjectedEvents.Replied;
import io.banli.reporting.projection.ProjectedEvents.Submission;
import io.banli.reporting.projection.ProjectedEvents.UnitStep;
import io.banli.reporting.projection.ProjectedEvents.Withdrawn;
import io.banli.reporting.statistics.Rollups;
import io.banli.reporting.tables.Target;
import io.banli.reporting.tables.Write;
import io.banli.reporting.tables.Writes;

/**
 * Applies one event to a set of projection tables. Each event writes only the facts it carries (an
 * upsert), so events of different topics give the same result in any order: an overdue alert or a
 * reply may overtake the registration it belongs to. Counters (returns, re-handlings, extensions) are
 * safe to increment because the caller applies each event id once.
 */
@ApplicationScoped
public class ProjectionWriter {

    /** Supervision stages whose due date is the reply deadline the on-time rate is measured against. */
    private static final Set<String> REPLY_STAGES = Set.of("REPLY");

    @Inject
    Writes writes;

    @Inject
    ObjectMapper mapper;

    @Inject
    ProgressWriter progress;

    @Inject
    PlatformGrantWriter grants;

    @Inject
    Rollups rollups;

    /** The handlers by target, summed and unsummed: built once, as they hold nothing of an event. */
    private final Map<Target, Map<String, Consumer<ParsedEvent>>> summedHandlers = new ConcurrentHashMap<>();
    private final Map<Target, Map<String, Consumer<ParsedEvent>>> unsummedHandlers = new ConcurrentHashMap<>();
    private final Map<Target, Map<String, Consumer<ReceivedEvent>>> receivedHandlers = new ConcurrentHashMap<>();

    /**
     * The handler of each event type reporting reads; other types are skipped. The members' progress and the
     * platform grants are part of the one projection: their handlers run after the statistics' own, in the same
     * transaction, on the same set of tables (live or a rebuild's). Each event's data is parsed once for all of them
     * ({@link ParsedEvent}).
     */
    public Map<String, Consumer<ReceivedEvent>> handlers(Target t) {
        return receivedHandlers.computeIfAbsent(t, target -> {
            Map<String, Consumer<ReceivedEvent>> received = new LinkedHashMap<>();
            handlers(target, true).forEach((type, handler) -> received.put(type,
                    e -> handler.accept(new ParsedEvent(e, mapper))));
            return Collections.unmodifiableMap(received);
        });
    }

    private Map<String, Consumer<ParsedEvent>> handlers(Target t, boolean summed) {
        return (summed ? summedHandlers : unsummedHandlers).computeIfAbsent(t, target -> {
            Map<String, Consumer<ParsedEvent>> h = statistics(target, summed);
            progress.handlers(target).forEach((type, handler) -> h.merge(type, handler, Consumer::andThen));
            grants.handlers(target).forEach((type, handler) -> h.merge(type, handler, Consumer::andThen));
            return Collections.unmodifiableMap(h);
        });
    }

    private Map<String, Consumer<ParsedEvent>> statistics(Target t, boolean summed) {
        Map<String, Consumer<ParsedEvent>> h = new LinkedHashMap<>();
        h.put(ProjectedEvents.FILED, e -> submission(t, e, false));
        h.put(ProjectedEvents.REGISTERED, e -> submission(t, e, true));
        h.put(ProjectedEvents.UPDATED, e -> submission(t, e, true));
        h.put(ProjectedEvents.REFUSED, e -> {
            Refused r = e.data(Refused.class);
            e.require("submissionId, refusedAt", r.submissionId(), r.refusedAt());
            item(t, r.submissionId(), Map.of("refused_at", r.refusedAt()));
        });
        h.put(ProjectedEvents.MERGED, e -> {
            Merged m = e.data(Merged.class);
            e.require("submissionId, intoSubmissionId", m.submissionId(), m.intoSubmissionId());
            item(t, m.submissionId(), Map.of("merged_into", m.intoSubmissionId()));
        });
        h.put(ProjectedEvents.WITHDRAWN, e -> {
            Withdrawn w = e.data(Withdrawn.class);
            e.require("submissionId, withdrawnAt", w.submissionId(), w.withdrawnAt());
            item(t, w.submissionId(), Map.of("withdrawn_at", w.withdrawnAt()));
        });
        h.put(ProjectedEvents.ASSIGNED, e -> assigned(t, e));
        h.put(ProjectedEvents.ADJUSTMENT_DECIDED, e -> {
            AdjustmentDecided d = e.data(AdjustmentDecided.class);
            e.require("submissionId, unitId, decision", d.submissionId(), d.unitId(), d.decision());
            if ("REASSIGNED".equals(d.decision())) {
                // The unit handed the item on: its part no longer counts; the new unit's assignment adds its own.
                part(t, d.submissionId(), d.unitId(), "reassigned_away = true", Map.of());
            }
        });
        h.put(ProjectedEvents.SIGNED, e -> step(t, e, "signed_at = :at", UnitStep::signedAt));
        h.put(ProjectedEvents.OPINION_SENT, e -> step(t, e, "opinion_sent_at = :at", UnitStep::sentAt));
        h.put(ProjectedEvents.REPLY_SUBMITTED, e -> {
            UnitStep s = e.data(UnitStep.class);
            // The unit's timeliness is its last submission of the first round (the one the office sent);
            // a re-handling round has its own deadline.
            boolean firstRound = s.round() == null || s.round() <= 1;
            step(t, e, "first_submitted_at = least(first_submitted_at, :at)" + (firstRound
                    ? ", submitted_at = greatest(submitted_at, :at)" : ""), UnitStep::submittedAt);
        });
        // A returned reply is owed again: the unit has not submitted until it submits anew.
        h.put(ProjectedEvents.REPLY_RETURNED, e -> step(t, e, "returned_count = returned_count + 1, "
                + "submitted_at = case when replied_at is null then null else submitted_at end", null));
        h.put(ProjectedEvents.HOLDING_ANSWER, e -> step(t, e, "holding_answer = true", null));
        h.put(ProjectedEvents.EXTENSION_REQUESTED, e -> step(t, e, "extensions_requested = extensions_requested + 1",
                null));
        h.put(ProjectedEvents.EXTENSION_DECIDED, e -> {
            ExtensionDecided d = e.data(ExtensionDecided.class);
            e.require("submissionId, unitId, approved", d.submissionId(), d.unitId(), d.approved());
            if (d.approved()) {
                part(t, d.submissionId(), d.unitId(),
                        "extensions_approved = extensions_approved + 1, extended_until = :until",
                        Map.of("until", d.until()));
            }
        });
        h.put(ProjectedEvents.CONTACT_RECORDED, e -> {
            ContactRecorded c = e.data(ContactRecorded.class);
            e.require("submissionId, unitId, timing", c.submissionId(), c.unitId(), c.timing());
            // Contact "before reply" (联系率) is any contact made before or while handling, not after.
            boolean before = !"AFTER".equals(c.timing());
            part(t, c.submissionId(), c.unitId(), "contacted_before = contacted_before or :before, "
                    + "met_face_to_face = met_face_to_face or :face",
                    Map.of("before", before, "face", Boolean.TRUE.equals(c.faceToFace())));
        });
        h.put(ProjectedEvents.REPLIED, e -> replied(t, e));
        h.put(ProjectedEvents.EVALUATED, e -> evaluated(t, e));
        h.put(ProjectedEvents.REHANDLING_STARTED, e -> {
            Assigned a = e.data(Assigned.class);
            e.require("submissionId, unitId", a.submissionId(), a.unitId());
            part(t, a.submissionId(), a.unitId(), "rehandling_count = rehandling_count + 1", Map.of());
        });
        h.put(ProjectedEvents.CLOSED, e -> {
            Closed c = e.data(Closed.class);
            e.require("submissionId, outcome, closedAt", c.submissionId(), c.outcome(), c.closedAt());
            item(t, c.submissionId(), Map.of("closed_at", c.closedAt(), "close_outcome", c.outcome(),
                    "follow_up", Boolean.TRUE.equals(c.followUp())));
        });
        h.put(ProjectedEvents.COMMITMENT_PROGRESSED, e -> progressed(t, e));
        h.put(ProjectedEvents.OVERDUE, e -> deadline(t, e, true));
        h.put(ProjectedEvents.WARNING, e -> deadline(t, e, false));
        h.put(ProjectedEvents.MET, e -> deadline(t, e, false));
        h.put(ProjectedEvents.RECOMPUTED, e -> deadline(t, e, false));
        // The statistics' rollups follow every write to the tables they sum, in the same transaction.
        if (summed) {
            h.replaceAll((type, handler) -> e -> rollups.around(t, submissionId(e), () -> handler.accept(e)));
        }
        return h;
    }

    /** The submission an event is about (every event the statistics read names it); null if it names none. */
    public Long submissionId(ParsedEvent e) {
        // Unreadable data gives null: the handler reads the same data and sends the record to the dead-letter topic.
        return e.submissionId();
    }

    private void submission(Target t, ParsedEvent e, boolean complete) {
        Submission s = e.data(Submission.class);
        e.require("submissionId", s.submissionId());
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("session_id", s.sessionId());
        columns.put("kind", s.kind());
        columns.put("title", s.title());
        columns.put("field", s.field());
        columns.put("proposer_name", s.leadProposer() == null ? null : s.leadProposer().name());
        columns.put("delegation", s.leadProposer() == null ? null : s.leadProposer().delegation());
        columns.put("group_name", s.groupName());
        columns.put("proposer_kind", s.leadProposer() == null ? null : s.leadProposer().kind());
        if (s.leadProposer() != null && s.leadProposer().memberId() != null) {
            columns.put("proposer_id", s.leadProposer().memberId());
        }
        if (!complete) {
            e.require("submissionId, filedAt", s.submissionId(), s.filedAt());
            columns.put("filed_at", s.filedAt());
            // A filing never overwrites what a registration (same topic, so earlier only on replay) set.
            columns.values().removeIf(v -> v == null);
            item(t, s.submissionId(), Map.of());
            String set = String.join(", ", columns.keySet().stream().map(c -> c + " = coalesce(" + c + ", :" + c + ")")
                    .toList());
            update(t, "item", set, "submission_id = :s", columns, Map.of("s", s.submissionId()));
            return;
        }
        e.require("submissionId, sessionId, kind, field", s.submissionId(), s.sessionId(), s.kind(), s.field());
        columns.put("session_name", s.sessionName());
        columns.put("session_kind", s.sessionKind());
        columns.put("level", s.level());
        columns.put("year", s.year() != null ? s.year()
                : s.registeredAt() == null ? null : s.registeredAt().atZone(ZoneId.of("Asia/Shanghai")).getYear());
        columns.put("number", s.number());
        columns.put("key_item", Boolean.TRUE.equals(s.keyItem()));
        columns.put("leading_official", s.leadingOfficial());
        columns.put("confidential", Boolean.TRUE.equals(s.confidential()));
        columns.put("field_name", s.fieldName());
        if (s.registeredAt() != null) {
            columns.put("registered_at", s.registeredAt());
        }
        e.require("registeredAt or updatedAt", s.registeredAt() != null ? s.registeredAt() : s.updatedAt());
        item(t, s.submissionId(), columns);
    }

    private void assigned(Target t, ParsedEvent e) {
        Assigned a = e.data(Assigned.class);
        e.require("submissionId, unitId, role, assignedAt", a.submissionId(), a.unitId(), a.role(), a.assignedAt());
        Map<String, Object> columns = new LinkedHashMap<>();
        List<String> set = new ArrayList<>(List.of("role = :role", "assigned_at = :at", "reassigned_away = false"));
        columns.put("role", a.role());
        columns.put("at", a.assignedAt());
        optional(set, columns, "unit_name", a.unitName(), false);
        optional(set, columns, "assignment_id", a.assignmentId(), false);
        optional(set, columns, "mode", a.mode(), false);
        part(t, a.submissionId(), a.unitId(), String.join(", ", set), columns);
        // The assignment knows the mode; kind, level and session are the registration's, which wins when present.
        Map<String, Object> item = new LinkedHashMap<>();
        List<String> itemSet = new ArrayList<>();
        optional(itemSet, item, "mode", a.mode(), false);
        optional(itemSet, item, "kind", a.kind(), true);
        optional(itemSet, item, "level", a.level(), true);
        optional(itemSet, item, "session_id", a.sessionId(), true);
        if (Boolean.TRUE.equals(a.keyItem())) {
            itemSet.add("key_item = true");
        }
        item(t, a.submissionId(), Map.of());
        if (!itemSet.isEmpty()) {
            update(t, "item", String.join(", ", itemSet), "submission_id = :s", item, Map.of("s", a.submissionId()));
        }
    }

    /** Adds {@code column = value} (or only when still empty) for a value the event may leave out. */
    private static void optional(List<String> set, Map<String, Object> parameters, String column, Object value,
            boolean keepExisting) {
        if (value != null) {
            set.add(keepExisting ? column + " = coalesce(" + column + ", :" + column + ")" : column + " = :" + column);
            parameters.put(column, value);
        }
    }

    private void replied(Target t, ParsedEvent e) {
        Replied r = e.data(Replied.class);
        e.require("submissionId, unitId, resultClass, repliedAt", r.submissionId(), r.unitId(), r.resultClass(),
                r.repliedAt());
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("at", r.repliedAt());
        columns.put("class", r.resultClass());
        columns.put("round", r.round() == null ? 1 : r.round());
        columns.put("disclosure", r.disclosure() == null ? "PUBLIC" : r.disclosure());
        // The text is stored masked, and only for a public reply: the open data shows it as it is stored. A later
        // version without text (one marked confidential) removes the earlier text.
        String text = "PUBLIC".equals(columns.get("disclosure")) ? PersonalData.masked(r.text()) : null;
        String setText = text == null ? "reply_text = null" : "reply_text = :text";
        if (text != null) {
            columns.put("text", text);
        }
        // A later version (a correction or the second round) replaces the class; the first reply date stays.
        part(t, r.submissionId(), r.unitId(), "first_replied_at = least(first_replied_at, :at), "
                + "replied_at = greatest(replied_at, :at), result_class = :class, reply_round = :round, "
                + "disclosure = :disclosure, " + setText, columns);
        commitments(t, r);
    }

    /**
     * The reply's latest version lists the commitments that stand: one it no longer lists was withdrawn with the
     * draft it belonged to. A commitment keeps its progress when a later version lists it again.
     */
    private void commitments(Target t, Replied r) {
        List<CommitmentRef> promised = r.commitments() == null ? List.of()
                : r.commitments().stream().filter(c -> c != null && c.commitmentId() != null).toList();
        Write stale = writes.sql("delete from " + t.table("commitment") + " where submission_id = :s"
                + " and unit_id = :u" + (promised.isEmpty() ? "" : " and commitment_id not in (:ids)"))
                .bind("s", r.submissionId()).bind("u", r.unitId());
        if (!promised.isEmpty()) {
            stale.bind("ids", (Object) promised.stream().map(CommitmentRef::commitmentId).toList());
        }
        stale.run();
        for (CommitmentRef c : promised) {
            writes.sql("insert into " + t.table("commitment")
                    + " (commitment_id, submission_id, unit_id, promised_on) values (:c, :s, :u, :due)"
                    + " on conflict (commitment_id) do update set promised_on = excluded.promised_on")
                    .bind("c", c.commitmentId()).bind("s", r.submissionId())
                    .bind("u", r.unitId()).bind("due", c.promisedOn()).run();
        }
    }

    /** The latest report on a commitment; a report may overtake nothing, as both travel on the same key. */
    private void progressed(Target t, ParsedEvent e) {
        CommitmentProgressed p = e.data(CommitmentProgressed.class);
        e.require("submissionId, unitId, commitmentId, percent", p.submissionId(), p.unitId(), p.commitmentId(),
                p.percent());
        writes.sql("insert into " + t.table("commitment")
                + " (commitment_id, submission_id, unit_id, percent, fulfilled, progressed_on)"
                + " values (:c, :s, :u, :p, :f, :on) on conflict (commitment_id) do update set percent = excluded.percent,"
                + " fulfilled = excluded.fulfilled, progressed_on = excluded.progressed_on")
                .bind("c", p.commitmentId()).bind("s", p.submissionId()).bind("u", p.unitId())
                .bind("p", p.percent()).bind("f", Boolean.TRUE.equals(p.fulfilled()))
                .bind("on", p.progressedOn()).run();
    }

    private void evaluated(Target t, ParsedEvent e) {
        Evaluated v = e.data(Evaluated.class);
        e.require("submissionId, unitId, memberId, rating, evaluatedAt", v.submissionId(), v.unitId(), v.memberId(),
                v.rating(), v.evaluatedAt());
        writes.sql("insert into " + t.table("evaluation")
                + " (submission_id, unit_id, round, member_id, rating, evaluated_at) values (:s, :u, :r, :m, :rating, :at)"
                + " on conflict (submission_id, unit_id, round, member_id) do update set rating = excluded.rating,"
                + " evaluated_at = excluded.evaluated_at")
                .bind("s", v.submissionId()).bind("u", v.unitId())
                .bind("r", v.round() == null ? 1 : v.round()).bind("m", v.memberId())
                .bind("rating", v.rating()).bind("at", v.evaluatedAt()).run();
    }

    private void deadline(Target t, ParsedEvent e, boolean overdue) {
        Deadline d = e.data(Deadline.class);
        e.require("submissionId, unitId, stage, dueAt", d.submissionId(), d.unitId(), d.stage(), d.dueAt());
        if (!REPLY_STAGES.contains(d.stage())) {
            return;
        }
        if (overdue) {
            part(t, d.submissionId(), d.unitId(), "reply_due_at = :due, overdue_at = coalesce(overdue_at, :at)",
                    Map.of("due", d.dueAt(), "at", d.detectedAt() == null ? d.dueAt() : d.detectedAt()));
        } else {
            part(t, d.submissionId(), d.unitId(), "reply_due_at = :due", Map.of("due", d.dueAt()));
        }
    }

    private void step(Target t, ParsedEvent e, String set, java.util.function.Function<UnitStep, Instant> at) {
        UnitStep s = e.data(UnitStep.class);
        e.require("submissionId, unitId", s.submissionId(), s.unitId());
        if (at == null) {
            part(t, s.submissionId(), s.unitId(), set, Map.of());
            return;
        }
        e.require("the step's instant", at.apply(s));
        part(t, s.submissionId(), s.unitId(), set, Map.of("at", at.apply(s)));
    }

    /** Creates the submission's row if this is the first event about it, then sets the given columns. */
    private void item(Target t, long submissionId, Map<String, Object> columns) {
        writes.sql("insert into " + t.table("item") + " (submission_id) values (:s) on conflict do nothing")
                .bind("s", submissionId).run();
        // A value the event leaves out (null) keeps what an earlier event set.
        Map<String, Object> present = new LinkedHashMap<>(columns);
        present.values().removeIf(v -> v == null);
        if (!present.isEmpty()) {
            String set = String.join(", ", present.keySet().stream().map(c -> c + " = :" + c).toList());
            update(t, "item", set, "submission_id = :s", present, Map.of("s", submissionId));
        }
    }

    /** Creates the unit's part if this is the first event about it, then applies the assignment list. */
    private void part(Target t, long submissionId, long unitId, String set, Map<String, Object> parameters) {
        writes.sql("insert into " + t.table("unit_part")
                + " (submission_id, unit_id) values (:s, :u) on conflict do nothing")
                .bind("s", submissionId).bind("u", unitId).run();
        update(t, "unit_part", set, "submission_id = :s and unit_id = :u", parameters,
                Map.of("s", submissionId, "u", unitId));
    }

    private void update(Target t, String table, String set, String where, Map<String, Object> parameters,
            Map<String, Object> keys) {
        Write update = writes.sql("update " + t.table(table) + " set " + set + " where " + where);
        parameters.forEach(update::bind);
        keys.forEach(update::bind);
        update.run();
    }

    /** Applies one event to the given tables, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Target t, ReceivedEvent event) {
        apply(handlers(t, true), new ParsedEvent(event, mapper));
    }

    /**
     * Applies an event leaving the statistics' rollups behind: a replay from the first record sums them once at its
     * end ({@link Rollups#refill}), cheaper than following each of its events.
     */
    public void applyUnsummed(Target t, ParsedEvent event) {
        apply(handlers(t, false), event);
    }

    private static void apply(Map<String, Consumer<ParsedEvent>> handlers, ParsedEvent event) {
        Consumer<ParsedEvent> handler = handlers.get(event.type());
        if (handler != null) {
            handler.accept(event);
        }
    }
}
