package dev.tandem.sync.api;

import dev.tandem.platform.Caller;
import dev.tandem.sync.DeadLetters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** For platform admins: how deep TandemDLQ is, and why the messages in it failed. */
@Path("dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("PLATFORM_ADMIN")
public class DeadLettersResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    Caller caller;

    @GET
    public DeadLetters.Report list(@QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return deadLetters.report(caller, size);
    }
}
