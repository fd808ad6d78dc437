package dev.tandem.tenancy.api;

import dev.tandem.domain.InvalidValueException;
import dev.tandem.platform.Caller;
import dev.tandem.platform.Page;
import dev.tandem.tenancy.TenantView;
import dev.tandem.tenancy.Tenants;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** Tenants. Platform admins create and deactivate; tenant-scoped callers see only their own. */
@Path("tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class TenantsResource {

    @Inject
    Tenants tenants;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed("PLATFORM_ADMIN")
    public Response create(@Valid @NotNull TenantRequest body, @Context UriInfo uri) {
        if (body.metaAppId() == null) {
            throw new InvalidValueException("metaAppId", "must not be null");
        }
        TenantView created = tenants.create(caller, body.metaAppId(), body.profile(), body.accessToken());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    public Page<TenantView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return tenants.list(caller, page, size);
    }

    @GET
    @Path("{id}")
    public TenantView get(@PathParam("id") UUID id) {
        return tenants.find(caller, id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN"})
    public TenantView update(@PathParam("id") UUID id, @Valid @NotNull TenantRequest body) {
        return tenants.revise(caller, id, body.profile(), body.accessToken());
    }

    /** Deactivates: tenants are never deleted, so their history and ledgers stay intact. */
    @DELETE
    @Path("{id}")
    @RolesAllowed("PLATFORM_ADMIN")
    public TenantView deactivate(@PathParam("id") UUID id) {
        return tenants.deactivate(caller, id);
    }

    @POST
    @Path("{id}/reactivate")
    @RolesAllowed("PLATFORM_ADMIN")
    public TenantView reactivate(@PathParam("id") UUID id) {
        return tenants.reactivate(caller, id);
    }
}
