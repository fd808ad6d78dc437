package dev.tandem.platform.console;

import dev.tandem.platform.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The signed-in user shown in the menu bar, and logout. */
@Named
@RequestScoped
public class SessionBacking {

    @Inject
    Caller caller;

    @Inject
    FacesContext faces;

    public Caller getCaller() {
        return caller;
    }

    public boolean isPlatformAdmin() {
        return caller.isPlatformAdmin();
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/console/login.xhtml");
    }
}
