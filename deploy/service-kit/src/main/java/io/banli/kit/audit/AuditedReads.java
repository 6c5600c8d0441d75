package io.banli.kit.audit;

import java.lang.reflect.Method;
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
        AuditLog.Entry entry = entry(request, response, resource);
        if (entry == null) {
            return Uni.createFrom().voidItem();
        }
        Runnable write = () -> QuarkusTransaction.requiringNew().run(() -> audit.record(entry));
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

    /** The entry this answer calls for, or null: not an audited read, or an answer that is no read (400, 401, 5xx). */
    private AuditLog.Entry entry(ContainerRequestContext request, ContainerResponseContext response,
            ResourceInfo resource) {
        int status = response.getStatus();
        AuditResult result = status >= 200 && status < 300 ? AuditResult.SUCCESS
                : status == 403 || status == 404 ? AuditResult.DENIED : null;
        if (result == null) {
            return null;
        }
        Method method = resource.getResourceMethod();
        AuditedRead read = method == null ? null : method.getAnnotation(AuditedRead.class);
        String subject;
        String id;
        if (read != null) {
            subject = read.subject();
            id = request.getUriInfo().getPathParameters().getFirst(read.idParam());
        } else if (HttpMethod.GET.equals(request.getMethod()) && Arc.container().requestContext().isActive()
                && marked.subject() != null) {
            subject = marked.subject();
            id = marked.id();
        } else {
            return null;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        return new AuditLog.Entry(caller.name(), caller.roles(), SourceAddress.current().orElse(null),
                subject + ".read", subject, id == null ? "*" : printable(id, 100), printable(path, 500), result);
    }

    /** What a prober sent, made storable: no control characters (PostgreSQL refuses NUL), bounded length. */
    private static String printable(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
