package dev.tandem.platform.security;

import dev.tandem.platform.Caller;
import dev.tandem.platform.api.ErrorPageServlet;
import dev.tandem.tenancy.ApiKeys;
import dev.tandem.tenancy.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * Two ways in, by path. /api/* takes only "Authorization: Bearer {API key}" and never a session
 * cookie (so a browser session cannot be used for cross-site requests against the API).
 * /console/* uses form login against the database identity store and remembers the caller in the
 * HTTP session. Anything protected and unauthenticated gets 401 (API) or the login page (console).
 */
@ApplicationScoped
public class TandemAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/console/login.xhtml";
    private static final String SESSION_CALLER = TandemAuthenticationMechanism.class.getName() + ".caller";
    private static final String BEARER = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Callers callers;

    /** What the session remembers after a console login. */
    record SessionCaller(String name, Set<String> groups) implements Serializable {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") ? api(request, response, context) : console(request, context);
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response,
                                     HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return unauthorized(request, response, "Use Authorization: Bearer <API key>.");
            }
            Optional<Caller> caller = apiKeys.authenticate(authorization.substring(BEARER.length()).strip());
            if (caller.isEmpty()) {
                return unauthorized(request, response, "The API key is unknown or revoked.");
            }
            return context.notifyContainerAboutLogin(caller.get().name(), Set.of(caller.get().role().name()));
        }
        if (context.isProtected()) {
            return unauthorized(request, response, "An API key is required: Authorization: Bearer <API key>.");
        }
        return context.doNothing();
    }

    private AuthenticationStatus console(HttpServletRequest request, HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.getSession(true);
            request.changeSessionId(); // no session fixation
            request.getSession().setAttribute(SESSION_CALLER,
                    new SessionCaller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof SessionCaller remembered) {
            if (callers.resolve(remembered.name()).isPresent()) {
                return context.notifyContainerAboutLogin(remembered.name(), remembered.groups());
            }
            session.invalidate(); // deactivated user or tenant: out at once
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /** The container answers 401 through its error page, which renders the reason as problem+json. */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String detail) {
        SecurityHeaders.addTo(request, response);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"tandem\"");
        request.setAttribute(ErrorPageServlet.DETAIL, detail);
        try {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } catch (IOException e) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
