package dev.tandem.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.infinispan.Cache;

/**
 * The app secret and verify token of a Meta app, for the webhook endpoint. Kept sealed in Tandem's
 * Infinispan cache so that the ingest path does not touch the database once warm. The app secret is
 * opened once per sealed value: AES-GCM on every delivery was 10 % of the intake's CPU. A CDI bean,
 * not an EJB: the ingest path calls it for every delivery and needs no transaction.
 */
@ApplicationScoped
public class WebhookCredentials {

    /** Sealed values as stored; never the clear secret. */
    record Sealed(String appSecret, String verifyToken) implements Serializable {
    }

    /** The opened secrets of one Meta app. */
    public record Credentials(String appSecret, String verifyToken) {
        @Override
        public String toString() {
            return "Credentials[***]"; // never in a log
        }
    }

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Resource(lookup = "java:jboss/infinispan/cache/tandem/webhook-credentials")
    Cache<String, Sealed> cache;

    @Inject
    SecretCipher cipher;

    /** Opened app secrets by sealed text: a new secret has a new sealed text, so entries never go stale. */
    private final Map<String, String> openedSecrets = new ConcurrentHashMap<>();

    /** The app's clear secret, or null for an unknown app. */
    public String appSecret(String appId) {
        return sealed(appId)
                .map(sealed -> openedSecrets.computeIfAbsent(sealed.appSecret(), cipher::open))
                .orElse(null);
    }

    public Optional<Credentials> find(String appId) {
        return sealed(appId).map(sealed -> new Credentials(cipher.open(sealed.appSecret()),
                cipher.open(sealed.verifyToken())));
    }

    private Optional<Sealed> sealed(String appId) {
        if (appId == null || appId.length() > 30) {
            return Optional.empty();
        }
        Sealed sealed = cache.get(appId);
        if (sealed == null) {
            sealed = em.createQuery("select a from MetaApp a where a.appId = :appId", MetaApp.class)
                    .setParameter("appId", appId).getResultStream().findFirst()
                    .map(app -> new Sealed(app.appSecretSealed(), app.verifyTokenSealed())).orElse(null);
            if (sealed == null) {
                return Optional.empty();
            }
            cache.put(appId, sealed);
        }
        return Optional.of(sealed);
    }

    public void forget(String appId) {
        cache.remove(appId);
    }
}
