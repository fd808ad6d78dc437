package dev.tandem.sync.api;

import dev.tandem.platform.Caller;
import dev.tandem.sync.HistoryProgress;
import dev.tandem.sync.HistoryView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Progress of a tenant's coexistence history sync, per phase. */
@Path("tenants/{tenantId}/history")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class HistoryResource {

    @Inject
    HistoryProgress history;

    @Inject
    Caller caller;

    @GET
    public HistoryView get(@PathParam("tenantId") UUID tenantId) {
        return history.of(caller, tenantId);
    }
}
