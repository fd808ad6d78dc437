package dev.tandem.templates.api;

import dev.tandem.platform.Caller;
import dev.tandem.platform.Page;
import dev.tandem.templates.TemplateView;
import dev.tandem.templates.Templates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A tenant's message templates as Meta approved them; tenant admins pull them from Meta on demand. */
@Path("templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {

    @Inject
    Templates templates;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN", "SUPERVISOR", "AGENT"})
    public Page<TemplateView> list(@QueryParam("tenantId") UUID tenantId,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return templates.list(caller, tenantId, page, size);
    }

    @POST
    @Path("sync")
    @RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN"})
    public Templates.Synced sync(@QueryParam("tenantId") UUID tenantId) {
        return templates.sync(caller, tenantId);
    }
}
