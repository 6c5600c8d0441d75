package io.banli.kit.events;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the service's AsyncAPI document: public like {@code /q/openapi}, since it describes the events,
 * not any data. A service that publishes nothing declares no {@link AsyncApi} and answers 404.
 */
@Path("/asyncapi.yaml")
public class AsyncApiResource {

    @Inject
    Instance<AsyncApi> document;

    @GET
    @PermitAll
    @Produces("application/yaml")
    // Not an operation of the API: the document sits beside /q/openapi, as that one is not in itself.
    @Operation(hidden = true)
    public String document() {
        if (document.isUnsatisfied()) {
            throw new NotFoundException("This service publishes no events");
        }
        return document.get().yaml();
    }
}
