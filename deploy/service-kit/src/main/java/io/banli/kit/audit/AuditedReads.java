package io.banli.kit.audit;

import java.lang.reflect.Method;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;

/** Writes the audit entry of every {@link AuditedRead} operation once its answer is known. */
public class AuditedReads {

    @Inject
    AuditLog audit;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        AuditedRead read = method == null ? null : method.getAnnotation(AuditedRead.class);
        if (read == null) {
            return;
        }
        int status = response.getStatus();
        AuditResult result = status >= 200 && status < 300 ? AuditResult.SUCCESS
                : status == 403 || status == 404 ? AuditResult.DENIED : null;
        if (result == null) {
            return;
        }
        if (!BlockingOperationControl.isBlockingAllowed()) {
            // Audited reads are blocking operations; a non-blocking one would be a mistake worth seeing.
            Log.errorf("Audited read %s answered on an I/O thread: not recorded", method);
            return;
        }
        String id = request.getUriInfo().getPathParameters().getFirst(read.idParam());
        String path = request.getUriInfo().getRequestUri().getRawPath();
        QuarkusTransaction.requiringNew().run(() -> audit.record(read.subject() + ".read", read.subject(),
                id == null ? "*" : printable(id, 100), printable(path, 500), result));
    }

    /** What a prober sent, made storable: no control characters (PostgreSQL refuses NUL), bounded length. */
    private static String printable(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
