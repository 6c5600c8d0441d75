package io.banli.kit.problem;

import jakarta.ws.rs.core.Response;

import org.hibernate.JDBCException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.banli.kit.consumer.Failures;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;

/**
 * The database is away, restarting, out of connections or timed out (what {@link Failures#isTransient} calls a
 * passing failure of the infrastructure): the request failed through no fault of its own and nothing it asked for was
 * committed, so it answers 503 with {@code Retry-After}, for the client to send it again (with its idempotency key),
 * not the 500 of a bug. Any other failure of a statement stays a 500.
 */
public class DatabaseUnavailableProblems {

    @ServerExceptionMapper
    public Response statementFailed(JDBCException e) {
        if (Failures.isTransient(e)) {
            Log.warnf("Answered 503, the database is unavailable: %s", e.getMessage());
            return HttpProblem.builder(Problems.problem(503, "database-unavailable", "Service Unavailable",
                    "The database is unavailable for a moment; nothing was changed. Try again shortly."))
                    .withHeader("Retry-After", 1).build().toResponse();
        }
        Log.error("A database statement failed", e);
        return HttpProblem.builder().withStatus(500).withTitle("Internal Server Error").build().toResponse();
    }
}
