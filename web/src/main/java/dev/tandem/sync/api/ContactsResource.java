package dev.tandem.sync.api;

import dev.tandem.platform.Caller;
import dev.tandem.platform.Page;
import dev.tandem.sync.ContactView;
import dev.tandem.sync.Inbox;
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
import java.util.UUID;

/** Contacts learned from messages and from the Business App's address book. */
@Path("contacts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"PLATFORM_ADMIN", "TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class ContactsResource {

    @Inject
    Inbox inbox;

    @Inject
    Caller caller;

    @GET
    public Page<ContactView> list(@QueryParam("tenantId") UUID tenantId,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return inbox.contacts(caller, tenantId, page, size);
    }
}
