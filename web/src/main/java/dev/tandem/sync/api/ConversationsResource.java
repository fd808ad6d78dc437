package dev.tandem.sync.api;

import dev.tandem.platform.Caller;
import dev.tandem.platform.Page;
import dev.tandem.sync.ConversationView;
import dev.tandem.sync.Inbox;
import dev.tandem.sync.MessageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Conversations and their messages, for legacy systems; newest activity first. */
@Path("conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class ConversationsResource {

    @Inject
    Inbox inbox;

    @Inject
    Caller caller;

    @GET
    public Page<ConversationView> list(@QueryParam("tenantId") UUID tenantId,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return inbox.conversations(caller, tenantId, page, size);
    }

    @GET
    @Path("{id}")
    public ConversationView get(@PathParam("id") UUID id) {
        return inbox.conversation(caller, id);
    }

    @GET
    @Path("{id}/messages")
    public Page<MessageView> messages(@PathParam("id") UUID id,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return inbox.messages(caller, id, page, size);
    }
}
