package dev.tandem.sync;

import dev.tandem.platform.Caller;
import dev.tandem.platform.InList;
import dev.tandem.platform.Page;
import dev.tandem.tenancy.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The raw archive: stores deliveries; platform admins list them, replay one, and count unrouted events. */
@Stateless
public class WebhookArchive {

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    WebhookIntake intake;

    @Inject
    Routing routing;

    /** A verified delivery as the intake sent it to the archive queue. */
    public record Copy(UUID deliveryId, String appId, Instant receivedAt, byte[] gzip) {
    }

    /** Keeps verified deliveries (for {@link ArchiveConsumer}); the ones it already has are skipped. */
    public void storeAll(List<Copy> copies) {
        Set<UUID> stored = new HashSet<>();
        for (List<UUID> slice : InList.slices(copies.stream().map(Copy::deliveryId).toList())) {
            stored.addAll(em.createQuery("select d.id from WebhookDelivery d where d.id in :ids", UUID.class)
                    .setParameter("ids", slice).getResultList());
        }
        for (Copy copy : copies) {
            if (stored.add(copy.deliveryId())) {
                em.persist(new WebhookDelivery(copy.deliveryId(), copy.appId(), copy.receivedAt(), copy.gzip().length,
                        copy.gzip()));
            }
        }
    }

    public Page<DeliveryView> deliveries(Caller caller, String appId, int page, int size) {
        caller.requireRole(Role.PLATFORM_ADMIN);
        String where = appId == null ? "" : " where d.appId = :app";
        var query = em.createQuery("select d from WebhookDelivery d" + where + " order by d.receivedAt desc, d.id",
                WebhookDelivery.class);
        var count = em.createQuery("select count(d) from WebhookDelivery d" + where, Long.class);
        if (appId != null) {
            query.setParameter("app", appId);
            count.setParameter("app", appId);
        }
        return Page.of(query, count, page, size).map(DeliveryView::of);
    }

    public int replay(Caller caller, UUID deliveryId) {
        caller.requireRole(Role.PLATFORM_ADMIN);
        return intake.replay(deliveryId);
    }

    /** Acknowledged events nobody owns, or that Tandem ignores (groups), counted by reason. */
    public Map<String, Long> unroutedCounts(Caller caller) {
        caller.requireRole(Role.PLATFORM_ADMIN);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : routing.unroutedCounts()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
