package io.banli.intake.review;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.banli.intake.session.Session;
import io.banli.intake.submission.CoSigner;
import io.banli.intake.submission.SessionNumbers;
import io.banli.intake.submission.Submission;
import io.banli.intake.submission.SubmissionAccess;
import io.banli.intake.submission.SubmissionAnnouncer;
import io.banli.intake.submission.SubmissionState;
import io.banli.intake.submission.SubmissionState.Action;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * The office registers or refuses a session's reviewed items in one request, all or nothing: every item is locked
 * and checked first, and one item that cannot take the decision refuses the whole request with a report naming each
 * such item. A registration takes its run of numbers in {@link SessionNumbers}' one statement, so the numbers
 * stay gap-free and a refused request gives none away; the similar-items search of a single registration is left out
 * (the office reviewed the items already), which is what makes hundreds of items a matter of one request.
 */
@ApplicationScoped
@Transactional
public class BulkReviewService {

    @Inject
    EntityManager em;

    @Inject
    SubmissionAccess access;

    @Inject
    SubmissionAnnouncer announcer;

    @Inject
    SessionNumbers numbers;

    @Inject
    StateChange change;

    public BulkReviewReport register(long sessionId, BulkRegistration request) {
        Session session = session(sessionId);
        List<Submission> items = select(session, request.submissionIds(), request.allReceived(), Action.REGISTER);
        Instant now = change.now().truncatedTo(ChronoUnit.MICROS);
        String actor = change.actor();
        Map<Long, List<Long>> signed = signedCoSigners(items);
        List<SessionNumbers.Numbered> announcements = new ArrayList<>();
        for (Submission s : items) {
            SubmissionState before = s.state;
            // Changed in memory for the event only: the entity is detached below, and the numbering statement
            // writes the whole registration of every item in one round trip.
            s.state = SubmissionState.REGISTERED;
            s.registeredAt = now;
            s.registeredBy = actor;
            announcements.add(announcer.registered(s, before, signed.getOrDefault(s.id, List.of())));
        }
        items.forEach(em::detach);
        List<Integer> given = numbers.assignAll(session.id, items.stream().map(s -> s.id).toList(), announcements,
                now, actor);
        List<BulkReviewReport.Item> report = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Submission s = items.get(i);
            s.number = given.get(i);
            report.add(new BulkReviewReport.Item(s.id, s.number, s.committeeNumber));
        }
        Integer first = report.isEmpty() ? null : report.get(0).number();
        Integer last = report.isEmpty() ? null : report.get(report.size() - 1).number();
        change.audit("session.items-registered", "session", session.id, report.size() + " items registered"
                + (first == null ? "" : ": " + session.name + " 第" + first + "号 to 第" + last + "号"));
        return new BulkReviewReport(session.id, SubmissionState.REGISTERED, report.size(), first, last, report);
    }

    public BulkReviewReport refuse(long sessionId, BulkRefusal request) {
        Session session = session(sessionId);
        List<Submission> items = select(session, request.submissionIds(), request.allReceived(), Action.REFUSE);
        Instant now = change.now();
        List<BulkReviewReport.Item> report = new ArrayList<>();
        for (Submission s : items) {
            SubmissionState before = s.state;
            s.state = SubmissionState.REFUSED;
            s.refusalReason = request.reason();
            s.disposition = request.disposition();
            announcer.refused(s, before, now);
            report.add(new BulkReviewReport.Item(s.id, null, s.committeeNumber));
        }
        change.audit("session.items-refused", "session", session.id, report.size() + " items refused, "
                + request.disposition() + ": " + request.reason());
        return new BulkReviewReport(session.id, SubmissionState.REFUSED, report.size(), null, null, report);
    }

    /** The signed co-signers of all the items, in one query. */
    private static Map<Long, List<Long>> signedCoSigners(List<Submission> items) {
        if (items.isEmpty()) {
            return Map.of();
        }
        return CoSigner.<CoSigner>list("submissionId in ?1 and state = ?2 order by memberId",
                items.stream().map(s -> s.id).toList(), CoSigner.State.SIGNED).stream()
                .collect(Collectors.groupingBy(c -> c.submissionId, Collectors.mapping(c -> c.memberId,
                        Collectors.toList())));
    }

    private static Session session(long id) {
        return Session.<Session>findByIdOptional(id).orElseThrow(() -> Problems.notFound("session", id));
    }

    /**
     * The items, locked (in id order, so two bulk requests never wait for each other crosswise) and checked. Listed
     * items keep the order given; all received ones are ordered by the committee's number, then as filed.
     */
    private List<Submission> select(Session session, List<Long> ids, Boolean all, Action action) {
        boolean allReceived = Boolean.TRUE.equals(all);
        if (allReceived == (ids != null)) {
            throw Problems.badInput("invalid-bulk-selection", "submissionIds", "body",
                    "name the items in submissionIds or set allReceived to true, not both");
        }
        if (allReceived) {
            return Submission.<Submission>find("sessionId = ?1 and state = ?2 order by id", session.id,
                    SubmissionState.RECEIVED).withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                    .sorted(Comparator.comparing((Submission s) -> s.committeeNumber,
                            Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(s -> s.filedAt).thenComparing(s -> s.id))
                    .toList();
        }
        List<Long> wanted = List.copyOf(new LinkedHashSet<>(ids));
        Map<Long, Submission> found = Submission.<Submission>find("id in ?1 order by id", wanted)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<BulkItemRefused> unknown = new ArrayList<>();
        List<BulkItemRefused> conflicts = new ArrayList<>();
        List<Submission> items = new ArrayList<>();
        for (Long id : wanted) {
            Submission s = found.get(id);
            if (s == null || !access.visible(s) || !s.sessionId.equals(session.id)) {
                unknown.add(new BulkItemRefused(id, "no such submission in session " + session.id));
            } else if (!action.allowedFrom(s.state)) {
                conflicts.add(new BulkItemRefused(id, "is " + s.state + ": " + action
                        + " is not allowed in that state"));
            } else {
                items.add(s);
            }
        }
        if (!unknown.isEmpty() || !conflicts.isEmpty()) {
            List<BulkItemRefused> refused = new ArrayList<>(unknown);
            refused.addAll(conflicts);
            refused.sort(Comparator.comparing(r -> wanted.indexOf(r.submissionId())));
            boolean anyUnknown = !unknown.isEmpty();
            throw HttpProblem.builder()
                    .withType(URI.create(Problems.TYPE_BASE + "bulk-item-refused"))
                    .withStatus(anyUnknown ? 422 : 409)
                    .withTitle(anyUnknown ? "Unprocessable Content" : "Conflict")
                    .withDetail(refused.size() + " of " + wanted.size() + " items cannot be "
                            + (action == Action.REGISTER ? "registered" : "refused") + " (see items); nothing was "
                            + (action == Action.REGISTER ? "registered" : "refused") + ".")
                    .with("items", refused)
                    .build();
        }
        return items;
    }
}
