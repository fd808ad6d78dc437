package dev.tandem.tenancy;

import dev.tandem.platform.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;
import org.infinispan.Cache;

/**
 * Turns an authenticated caller name (a username or "apikey:{id}") into a {@link Caller} with its
 * role and tenant. Answers are cached for a minute in Tandem's Infinispan container; revoking a key
 * or deactivating a tenant evicts them at once.
 */
@Stateless
public class Callers {

    private static final String API_KEY_PREFIX = "apikey:";

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Resource(lookup = "java:jboss/infinispan/cache/tandem/callers")
    Cache<String, Caller> cache;

    public Optional<Caller> resolve(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Caller cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Caller> caller = name.startsWith(API_KEY_PREFIX) ? fromApiKey(name) : fromUser(name);
        caller.ifPresent(c -> cache.put(name, c));
        return caller;
    }

    public void forget(String name) {
        cache.remove(name);
    }

    /** After a change that affects many callers at once (a tenant deactivated). */
    public void forgetAll() {
        cache.clear();
    }

    private Optional<Caller> fromApiKey(String name) {
        UUID id;
        try {
            id = UUID.fromString(name.substring(API_KEY_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null || key.revoked() || !tenantActive(key.tenantId())) {
            return Optional.empty();
        }
        return Optional.of(new Caller(name, key.role(), key.tenantId()));
    }

    private Optional<Caller> fromUser(String name) {
        return em.createQuery("select u from UserAccount u where u.username = :name and u.active = true",
                        UserAccount.class)
                .setParameter("name", name).getResultStream().findFirst()
                .filter(u -> tenantActive(u.tenantId()))
                .map(u -> new Caller(u.username(), u.role(), u.tenantId()));
    }

    private boolean tenantActive(UUID tenantId) {
        if (tenantId == null) {
            return true;
        }
        Tenant tenant = em.find(Tenant.class, tenantId);
        return tenant != null && tenant.active();
    }
}
