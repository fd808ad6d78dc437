package dev.tandem.sync;

import dev.tandem.tenancy.TenantRevised;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.infinispan.Cache;

/**
 * Finds the tenant an event belongs to; events nobody owns (unknown number or WABA) and events
 * Tandem ignores (groups) are kept as unrouted events, counted, and never fail the pipeline.
 */
@Stateless
public class Routing {

    private static final Logger LOG = Logger.getLogger(Routing.class.getName());

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    /**
     * Phone-number id to tenant, for every event on the hot path. Only owned numbers are cached, so a
     * number onboarded a moment ago routes at once; a revised tenant clears the cache after its commit.
     */
    @Resource(lookup = "java:jboss/infinispan/cache/tandem/routes")
    Cache<String, UUID> routes;

    /** The tenant that owns this phone-number id, if any. */
    public Optional<UUID> ownerOf(String phoneNumberId) {
        if (phoneNumberId == null) {
            return Optional.empty();
        }
        UUID cached = routes.get(phoneNumberId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<UUID> owner = em.createQuery("select t.id from Tenant t where t.phoneNumberId = :n", UUID.class)
                .setParameter("n", phoneNumberId).getResultStream().findFirst();
        owner.ifPresent(tenant -> routes.put(phoneNumberId, tenant));
        return owner;
    }

    public void forgetRoutes(@Observes(during = TransactionPhase.AFTER_COMPLETION) TenantRevised revised) {
        routes.clear();
    }

    /** The tenant of an event's phone number; when nobody owns it, the event is kept as unrouted. */
    public Optional<UUID> tenantOf(SyncEvent event) {
        Optional<UUID> tenant = ownerOf(event.phoneNumberId());
        if (tenant.isEmpty()) {
            keepUnrouted(event, "unknown phone number id");
        }
        return tenant;
    }

    /** The tenants whose numbers sit in this WABA (account-level events are addressed by WABA). */
    public List<UUID> tenantsOfWaba(String wabaId) {
        if (wabaId == null) {
            return List.of();
        }
        return em.createQuery("select t.id from Tenant t where t.wabaId = :w", UUID.class)
                .setParameter("w", wabaId).getResultList();
    }

    public void keepUnrouted(SyncEvent event, String reason) {
        em.persist(new UnroutedEvent(event.appId(), event.phoneNumberId(), event.wabaId(), event.field(),
                reason, event.item().toString(), event.receivedAt()));
        LOG.fine(() -> "Unrouted " + event.kind() + " (" + reason + ") for number " + event.phoneNumberId());
    }

    /** How many unrouted events are kept, by reason. */
    public List<Object[]> unroutedCounts() {
        return em.createQuery("select u.reason, count(u) from UnroutedEvent u group by u.reason", Object[].class)
                .getResultList();
    }
}
