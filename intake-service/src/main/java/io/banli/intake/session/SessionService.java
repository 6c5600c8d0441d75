package io.banli.intake.session;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.intake.session.SessionApi.NewSession;
import io.banli.intake.session.SessionApi.SessionView;
import io.banli.kit.audit.AuditLog;
import io.banli.kit.problem.Problems;

/** Sessions: opened by the office (names unique, dates in order), read by everyone. */
@ApplicationScoped
@Transactional
public class SessionService {

    @Inject
    AuditLog audit;

    public SessionView open(NewSession request) {
        checkDates(request);
        if (Session.count("name", request.name()) > 0) {
            throw Problems.problem(409, "duplicate-session", "Conflict",
                    "A session named " + request.name() + " exists already.");
        }
        Session session = new Session();
        session.kind = request.kind();
        session.level = request.level();
        session.name = request.name();
        session.year = request.year();
        session.opensOn = request.opensOn();
        session.closesOn = request.closesOn();
        session.intakeOpensAt = request.intakeOpensAt();
        session.intakeClosesAt = request.intakeClosesAt();
        session.persist();
        audit.record("session.opened", "session", session.id, session.name);
        return SessionView.of(session);
    }

    /** A closing before the opening, or a window that closes before it opens, is a typing error: 400, nothing stored. */
    private static void checkDates(NewSession request) {
        if (request.opensOn() != null && request.closesOn() != null && request.closesOn().isBefore(request.opensOn())) {
            throw Problems.badInput("invalid-dates", "closesOn", "body", "must not be before opensOn");
        }
        if (request.intakeOpensAt() != null && request.intakeClosesAt() != null
                && !request.intakeClosesAt().isAfter(request.intakeOpensAt())) {
            throw Problems.badInput("invalid-dates", "intakeClosesAt", "body", "must be after intakeOpensAt");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionView> list() {
        return Session.<Session>list("order by year desc, id desc").stream().map(SessionView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionView get(long id) {
        return Session.<Session>findByIdOptional(id).map(SessionView::of)
                .orElseThrow(() -> Problems.notFound("session", id));
    }
}
