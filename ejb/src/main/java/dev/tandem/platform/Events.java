package dev.tandem.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * Publishes one JSON event per fact on the events topic for the console and legacy subscribers.
 * The event is written to the database in the caller's transaction ({@link UnpublishedEvent}) and
 * handed to the {@link EventRelay} once that transaction has committed: an event exists only if its
 * fact was committed, and the caller's transaction needs no broker (one-phase instead of XA, which
 * was most of a sync consumer's time). Subscribers get every event at least once: a crash after the
 * publish but before the row is deleted repeats it, with the same id.
 * Envelope: {"id", "type", "tenantId", "occurredAt", "data"}; the JMS properties "type" and "tenantId" allow selectors.
 */
@Stateless
public class Events {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** Key of the current transaction's list of events, in the transaction synchronization registry. */
    private static final Object THIS_TRANSACTIONS_EVENTS = Events.class.getName() + ".written";

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    EventRelay relay;

    @Inject
    Clock clock;

    public void publish(String type, UUID tenantId, Object data) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        var envelope = new LinkedHashMap<String, Object>();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("tenantId", tenantId == null ? null : tenantId.toString());
        envelope.put("occurredAt", now.toString());
        envelope.put("data", data);
        UnpublishedEvent event = new UnpublishedEvent(id, type, tenantId, JSON.toJson(envelope), now);
        em.persist(event);
        writtenInThisTransaction().add(event);
    }

    /** Deletes the rows of events that are on the topic now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void published(Collection<UUID> ids) {
        for (List<UUID> slice : InList.slices(ids)) {
            em.createQuery("delete from UnpublishedEvent e where e.id in :ids").setParameter("ids", slice).executeUpdate();
        }
    }

    /** The oldest events still unpublished that were written before the given time. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<UnpublishedEvent> writtenBefore(Instant before, int max) {
        return em.createQuery("select e from UnpublishedEvent e where e.createdAt < :before order by e.createdAt",
                        UnpublishedEvent.class)
                .setParameter("before", before).setMaxResults(max).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<UnpublishedEvent> writtenInThisTransaction() {
        List<UnpublishedEvent> written = (List<UnpublishedEvent>) transaction.getResource(THIS_TRANSACTIONS_EVENTS);
        if (written == null) {
            List<UnpublishedEvent> events = new ArrayList<>();
            transaction.putResource(THIS_TRANSACTIONS_EVENTS, events);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.publish(events);
                    }
                }
            });
            written = events;
        }
        return written;
    }
}
