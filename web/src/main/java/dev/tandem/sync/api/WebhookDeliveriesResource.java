package dev.tandem.sync.api;

import dev.tandem.platform.Caller;
import dev.tandem.platform.Page;
import dev.tandem.sync.DeliveryView;
import dev.tandem.sync.WebhookArchive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;

/** The raw webhook archive for platform admins: list, replay through the pipeline, unrouted counts. */
@Path("webhook-deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("PLATFORM_ADMIN")
public class WebhookDeliveriesResource {

    @Inject
    WebhookArchive archive;

    @Inject
    Caller caller;

    @GET
    public Page<DeliveryView> list(@QueryParam("appId") String appId,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return archive.deliveries(caller, appId, page, size);
    }

    /** Replays one delivery; idempotent processing means only what is missing lands. */
    @POST
    @Path("{id}/replay")
    public Map<String, Integer> replay(@PathParam("id") UUID id) {
        return Map.of("events", archive.replay(caller, id));
    }

    @GET
    @Path("unrouted")
    public Map<String, Long> unrouted() {
        return archive.unroutedCounts(caller);
    }
}
