package dev.tandem.messaging.api;

import dev.tandem.messaging.OutboundView;
import dev.tandem.messaging.Outbox;
import dev.tandem.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Where a send stands: QUEUED, ACCEPTED (with Meta's wamid), FAILED (with Meta's code) or PAUSED. */
@Path("outbound-messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class OutboundMessagesResource {

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @GET
    @Path("{id}")
    public OutboundView get(@PathParam("id") UUID id) {
        return outbox.find(caller, id);
    }
}
