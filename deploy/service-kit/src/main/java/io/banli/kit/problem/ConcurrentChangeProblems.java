package io.banli.kit.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Two requests changed the same row at once: the later one lost the optimistic lock. It answers 409
 * so the client reads the row again and decides, instead of a 500 or a silently lost change.
 */
public class ConcurrentChangeProblems {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return concurrentChange();
    }

    @ServerExceptionMapper
    public Response staleObject(StaleObjectStateException e) {
        return concurrentChange();
    }

    private static Response concurrentChange() {
        return Problems.problem(409, "concurrent-change", "Conflict",
                "Someone changed this at the same moment; read it again and retry.").toResponse();
    }
}
