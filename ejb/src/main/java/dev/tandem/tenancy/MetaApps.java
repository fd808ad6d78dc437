package dev.tandem.tenancy;

import dev.tandem.platform.Caller;
import dev.tandem.platform.ConflictException;
import dev.tandem.platform.Events;
import dev.tandem.platform.NotFoundException;
import dev.tandem.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Registers the Meta apps whose webhooks Tenant receives. Platform admins only. */
@Stateless
public class MetaApps {

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    Events events;

    @Inject
    WebhookCredentials webhookCredentials;

    @Inject
    Clock clock;

    public MetaAppView register(Caller caller, String appId, String name, String appSecret, String verifyToken) {
        caller.requireRole(Role.PLATFORM_ADMIN);
        if (!em.createQuery("select a.id from MetaApp a where a.appId = :appId", UUID.class)
                .setParameter("appId", appId).getResultList().isEmpty()) {
            throw new ConflictException("appId", "a Meta app with app id " + appId + " is already registered");
        }
        MetaApp app = new MetaApp(appId, name, sealRequired("appSecret", appSecret),
                sealRequired("verifyToken", verifyToken), clock.instant());
        em.persist(app);
        events.publish("meta-app.registered", null, Map.of("metaAppId", app.id().toString(), "appId", app.appId()));
        return MetaAppView.of(app);
    }

    public MetaAppView revise(Caller caller, UUID id, String name, String appSecret, String verifyToken) {
        caller.requireRole(Role.PLATFORM_ADMIN);
        MetaApp app = load(id);
        app.revise(name, cipher.seal(blankToNull(appSecret)), cipher.seal(blankToNull(verifyToken)), clock.instant());
        webhookCredentials.forget(app.appId());
        return MetaAppView.of(app);
    }

    public MetaAppView find(Caller caller, UUID id) {
        caller.requireRole(Role.PLATFORM_ADMIN);
        return MetaAppView.of(load(id));
    }

    public Page<MetaAppView> list(Caller caller, int page, int size) {
        caller.requireRole(Role.PLATFORM_ADMIN);
        return Page.of(em.createQuery("select a from MetaApp a order by a.name, a.id", MetaApp.class),
                em.createQuery("select count(a) from MetaApp a", Long.class), page, size).map(MetaAppView::of);
    }

    private MetaApp load(UUID id) {
        MetaApp app = id == null ? null : em.find(MetaApp.class, id);
        if (app == null) {
            throw new NotFoundException("Meta app", id);
        }
        return app;
    }

    private String sealRequired(String field, String clear) {
        if (clear == null || clear.isBlank()) {
            throw new dev.tandem.domain.InvalidValueException(field, "must not be blank");
        }
        return cipher.seal(clear);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
