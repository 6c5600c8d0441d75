package io.banli.kit.audit;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.banli.kit.security.Caller;
import io.banli.kit.security.SourceAddress;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Writes the audit entry of every {@link AuditedRead} operation, and of every read marked in {@link ReadAudit}, once
 * its answer is known and before it is sent: no audited answer leaves without its entry. A refusal made before the
 * resource runs (a role that may not call the operation: 403) is answered on the I/O thread; its entry is written on
 * a worker thread while the answer waits, with who, what and from where taken from the request beforehand.
 */
public class AuditedReads {

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    ReadAudit marked;

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        List<AuditLog.Entry> entries = entries(request, response, resource);
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Runnable write = () -> QuarkusTransaction.requiringNew().run(() -> entries.forEach(audit::record));
        if (BlockingOperationControl.isBlockingAllowed()) {
            write.run();
            return Uni.createFrom().voidItem();
        }
        Supplier<Void> blocking = () -> {
            write.run();
            return null;
        };
        return Uni.createFrom().item(blocking).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * The entries this answer calls for: one for an audited operation or a marked read, one per marked item of a
     * list; none for what is not an audited read, or an answer that is no read (400, 401, 5xx).
     */
    private List<AuditLog.Entry> entries(ContainerRequestContext request, ContainerResponseContext response,
            ResourceInfo resource) {
        int status = response.getStatus();
        AuditResult result = status >= 200 && status < 300 ? AuditResult.SUCCESS
                : status == 403 || status == 404 ? AuditResult.DENIED : null;
        if (result == null) {
            return List.of();
        }
        Method method = resource.getResourceMethod();
        AuditedRead read = method == null ? null : method.getAnnotation(AuditedRead.class);
        String subject;
        List<String> ids;
        if (read != null) {
            subject = read.subject();
            ids = Collections.singletonList(request.getUriInfo().getPathParameters().getFirst(read.idParam()));
        } else if (HttpMethod.GET.equals(request.getMethod()) && Arc.container().requestContext().isActive()
                && marked.subject() != null) {
            subject = marked.subject();
            ids = marked.ids();
        } else {
            return List.of();
        }
        String path = printable(request.getUriInfo().getRequestUri().getRawPath(), 500);
        String source = SourceAddress.current().orElse(null);
        return ids.stream().map(id -> new AuditLog.Entry(caller.name(), caller.roles(), source, subject + ".read",
                subject, id == null ? "*" : printable(id, 100), path, result)).toList();
    }

    /** What a prober sent, made storable: no control characters (PostgreSQL refuses NUL), bounded length. */
    private static String printable(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
