package dev.tandem.sync.api;

import dev.tandem.platform.Caller;
import dev.tandem.sync.Inbox;
import dev.tandem.sync.MessageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** One message by its WhatsApp id (wamid), with its status history and earlier versions. */
@Path("messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class MessagesResource {

    @Inject
    Inbox inbox;

    @Inject
    Caller caller;

    @GET
    @Path("{wamid}")
    public MessageView get(@PathParam("wamid") @Size(max = 200) String wamid, @QueryParam("tenantId") UUID tenantId) {
        return inbox.message(caller, tenantId, wamid);
    }
}
