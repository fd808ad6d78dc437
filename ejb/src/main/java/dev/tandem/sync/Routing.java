package dev.tandem.sync;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Finds the tenant an event belongs to; events nobody owns (unknown number or WABA) and events
 * Tandem ignores (groups) are kept as unrouted events, counted, and never fail the pipeline.
 */
@Stateless
public class Routing {

    private static final Logger LOG = Logger.getLogger(Routing.class.getName());

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    /** The tenant that owns this phone-number id, if any. */
    private Optional<UUID> tenantOfNumber(String phoneNumberId) {
        if (phoneNumberId == null) {
            return Optional.empty();
        }
        return em.createQuery("select t.id from Tenant t where t.phoneNumberId = :n", UUID.class)
                .setParameter("n", phoneNumberId).getResultStream().findFirst();
    }

    /** The tenant of an event's phone number; when nobody owns it, the event is kept as unrouted. */
    public Optional<UUID> tenantOf(SyncEvent event) {
        Optional<UUID> tenant = tenantOfNumber(event.phoneNumberId());
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
