package dev.tandem.messaging.api;

import dev.tandem.domain.InvalidValueException;
import dev.tandem.messaging.OutboundDraft;
import dev.tandem.messaging.Outbox;
import dev.tandem.platform.Caller;
import dev.tandem.sync.Inbox;
import dev.tandem.sync.MessageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * POST sends a message (body as in Meta's send API: to, type and the type's object; platform admins
 * add tenantId). It answers 202 with the stored send; the same Idempotency-Key answers 200 with the
 * same send and never sends twice. GET reads a message by its wamid.
 */
@Path("messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class MessagesResource {

    @Inject
    Outbox outbox;

    @Inject
    Inbox inbox;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@NotNull JsonObject body, @HeaderParam("Idempotency-Key") String idempotencyKey,
                         @Context UriInfo uri) {
        String type = text(body, "type");
        OutboundDraft draft = new OutboundDraft(text(body, "to"), type,
                type != null && body.get(type) instanceof JsonObject content ? content : null);
        UUID tenantId = null;
        if (text(body, "tenantId") != null) {
            try {
                tenantId = UUID.fromString(text(body, "tenantId"));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("tenantId", "must be a tenant id");
            }
        }
        Outbox.Submitted submitted = outbox.submit(caller, tenantId, draft, idempotencyKey);
        return Response.status(submitted.replayed() ? Response.Status.OK : Response.Status.ACCEPTED)
                .location(uri.getBaseUriBuilder().path("outbound-messages").path(submitted.send().id().toString()).build())
                .entity(submitted.send()).build();
    }

    @GET
    @Path("{wamid}")
    public MessageView get(@PathParam("wamid") @Size(max = 200) String wamid, @QueryParam("tenantId") UUID tenantId) {
        return inbox.message(caller, tenantId, wamid);
    }

    private static String text(JsonObject body, String name) {
        return body.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
