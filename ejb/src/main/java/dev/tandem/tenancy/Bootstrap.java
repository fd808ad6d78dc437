package dev.tandem.tenancy;

import dev.tandem.platform.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs once the schema is in place: makes sure a first platform admin exists (password from
 * TANDEM_ADMIN_PASSWORD, or generated and printed once), optionally a platform API key
 * (TANDEM_ADMIN_API_KEY), the demo tenant when started in demo mode, and prints where to log in.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
    /** A fixed password is allowed only in demo mode, where it is printed at every start. */
    static final String DEMO_PASSWORD = "demo-password";

    @Inject
    @ConfigProperty(name = "tandem.admin.username", defaultValue = "admin")
    String adminUsername;

    @Inject
    @ConfigProperty(name = "tandem.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "tandem.admin.api.key")
    Optional<String> adminApiKey;

    @Inject
    @ConfigProperty(name = "tandem.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "tandem.public.url", defaultValue = "https://localhost:8443")
    String publicUrl;

    @EJB
    UserAccounts users;

    @EJB
    ApiKeys apiKeys;

    @EJB
    DemoWorld demoWorld;

    @PostConstruct
    void start() {
        String passwordNote = ensureAdmin();
        adminApiKey.filter(k -> !k.isBlank()).ifPresent(key -> {
            if (apiKeys.ensurePlatformKey(key.strip(), "TANDEM_ADMIN_API_KEY")) {
                LOG.info("Registered the platform API key given in TANDEM_ADMIN_API_KEY");
            }
        });
        String demoNote = demo ? demoWorld.ensure(new Caller("bootstrap", Role.PLATFORM_ADMIN, null)) : "";
        LOG.info(() -> "\n"
                + "==================================================================\n"
                + " Tandem is up.\n"
                + "   Console : " + publicUrl + "/console/  (self-signed certificate unless TANDEM_KEYSTORE_PATH is set)\n"
                + "   API     : " + publicUrl + "/api/v1/  (Authorization: Bearer <API key>)\n"
                + "   OpenAPI : " + publicUrl + "/openapi\n"
                + "   Log in  : " + adminUsername + " / " + passwordNote + "\n"
                + demoNote
                + "==================================================================");
    }

    private String ensureAdmin() {
        Optional<String> configured = adminPassword.filter(p -> !p.isBlank());
        if (users.anyPlatformAdmin()) {
            if (demo && configured.isEmpty()) {
                return DEMO_PASSWORD + "  (demo mode)";
            }
            return configured.isPresent() ? "the password in TANDEM_ADMIN_PASSWORD"
                    : "the password printed when this data folder was first started";
        }
        String password = configured.orElse(demo ? DEMO_PASSWORD : generatePassword());
        users.createFirstAdmin(adminUsername, password);
        if (configured.isPresent()) {
            return "the password in TANDEM_ADMIN_PASSWORD";
        }
        return demo ? DEMO_PASSWORD + "  (demo mode)" : password + "  (generated; shown only this once)";
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
