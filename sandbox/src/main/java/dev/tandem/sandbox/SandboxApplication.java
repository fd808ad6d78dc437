package dev.tandem.sandbox;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** /sandbox/graph/{version}/... is the Graph API; /sandbox/world/... scripts the world around it. */
@ApplicationPath("/")
public class SandboxApplication extends Application {
}
