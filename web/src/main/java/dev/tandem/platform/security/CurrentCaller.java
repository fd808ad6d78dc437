package dev.tandem.platform.security;

import dev.tandem.platform.Caller;
import dev.tandem.tenancy.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.NotAuthorizedException;
import java.security.Principal;

/** Makes the authenticated {@link Caller} injectable into resources and backing beans. */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityContext securityContext;

    @Inject
    Callers callers;

    private Caller caller;

    @Produces
    Caller caller() {
        if (caller == null) {
            Principal principal = securityContext.getCallerPrincipal();
            caller = callers.resolve(principal == null ? null : principal.getName())
                    .orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"tandem\""));
        }
        return caller;
    }
}
