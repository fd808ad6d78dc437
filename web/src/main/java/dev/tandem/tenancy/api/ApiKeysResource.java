package dev.tandem.tenancy.api;

import dev.tandem.platform.Caller;
import dev.tandem.platform.Page;
import dev.tandem.tenancy.ApiKeyView;
import dev.tandem.tenancy.ApiKeys;
import dev.tandem.tenancy.IssuedApiKey;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** API keys. The clear key is in the 201 answer only; later reads show its prefix. */
@Path("api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN"})
public class ApiKeysResource {

    @Inject
    ApiKeys apiKeys;

    @Inject
    Caller caller;

    @POST
    public Response issue(@Valid @NotNull ApiKeyRequest body, @Context UriInfo uri) {
        IssuedApiKey issued = apiKeys.issue(caller, body.tenantId(), body.name(), body.role());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id().toString()).build())
                .entity(issued).build();
    }

    @GET
    public Page<ApiKeyView> list(@QueryParam("tenantId") UUID tenantId,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return apiKeys.list(caller, tenantId, page, size);
    }

    @DELETE
    @Path("{id}")
    public ApiKeyView revoke(@PathParam("id") UUID id) {
        return apiKeys.revoke(caller, id);
    }
}
