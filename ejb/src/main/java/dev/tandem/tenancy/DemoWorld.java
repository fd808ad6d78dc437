package dev.tandem.tenancy;

import dev.tandem.platform.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The demo tenant the run command starts with: a Meta app and a coexistence number that talk to
 * the Cloud API sandbox instead of Meta. Created once; its API key is printed at creation only.
 */
@Stateless
public class DemoWorld {

    static final String APP_ID = "100000000000001";
    static final String PHONE_NUMBER_ID = "300000000000001";

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    MetaApps metaApps;

    @Inject
    Tenants tenants;

    @Inject
    ApiKeys apiKeys;

    /** Returns lines for the start-up banner. */
    public String ensure(Caller bootstrap) {
        boolean exists = !em.createQuery("select t.id from Tenant t where t.phoneNumberId = :n")
                .setParameter("n", PHONE_NUMBER_ID).getResultList().isEmpty();
        if (exists) {
            return "   Demo    : tenant 'Demo Bakery' (its API key was printed when it was created)\n";
        }
        MetaAppView app = metaApps.register(bootstrap, APP_ID, "Tandem demo app", "demo-app-secret", "demo-verify-token");
        TenantView tenant = tenants.create(bootstrap, app.id(), TenantProfile.parse("Demo Bakery", "200000000000001",
                PHONE_NUMBER_ID, "+4915100000001", true, "STANDARD", "v23.0", "Europe/Berlin", "EUR"),
                "demo-access-token");
        IssuedApiKey key = apiKeys.issue(bootstrap, tenant.id(), "demo key", Role.TENANT_ADMIN);
        return "   Demo    : tenant 'Demo Bakery' " + tenant.id() + "\n"
                + "             API key (shown once): " + key.secret() + "\n";
    }
}
