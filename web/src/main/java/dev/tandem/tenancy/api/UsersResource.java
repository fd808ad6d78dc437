package dev.tandem.tenancy.api;

import dev.tandem.platform.Caller;
import dev.tandem.tenancy.UserAccounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;

/** Console users (roles PLATFORM_ADMIN, TENANT_ADMIN, SUPERVISOR, AGENT); passwords of 12+ characters. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN"})
public class UsersResource {

    @Inject
    UserAccounts users;

    @Inject
    Caller caller;

    @POST
    public Response create(@Valid @NotNull UserRequest body) {
        UUID id = users.create(caller, body.username(), body.password(), body.role(), body.tenantId());
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("id", id.toString(), "username", body.username(), "role", body.role().name())).build();
    }
}
