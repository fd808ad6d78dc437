package dev.tandem.tenancy.api;

import dev.tandem.platform.Caller;
import dev.tandem.platform.Page;
import dev.tandem.tenancy.MetaAppView;
import dev.tandem.tenancy.MetaApps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** Meta apps (app id, app secret, webhook verify token). Platform admins only; secrets are write-only. */
@Path("meta-apps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("PLATFORM_ADMIN")
public class MetaAppsResource {

    @Inject
    MetaApps metaApps;

    @Inject
    Caller caller;

    @POST
    public Response register(@Valid @NotNull MetaAppRequest body, @Context UriInfo uri) {
        MetaAppView app = metaApps.register(caller, body.appId(), body.name(), body.appSecret(), body.verifyToken());
        return Response.created(uri.getAbsolutePathBuilder().path(app.id().toString()).build()).entity(app).build();
    }

    @GET
    public Page<MetaAppView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return metaApps.list(caller, page, size);
    }

    @GET
    @Path("{id}")
    public MetaAppView get(@PathParam("id") UUID id) {
        return metaApps.find(caller, id);
    }

    @PUT
    @Path("{id}")
    public MetaAppView update(@PathParam("id") UUID id, @Valid @NotNull MetaAppRequest body) {
        return metaApps.revise(caller, id, body.name(), body.appSecret(), body.verifyToken());
    }
}
