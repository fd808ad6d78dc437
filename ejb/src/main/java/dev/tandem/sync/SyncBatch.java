package dev.tandem.sync;

import dev.tandem.templates.Templates;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the events of a sync queue by the boundary that owns them, in the caller's transaction or a
 * new one: a consumer's whole batch at once, or one event. Events whose ids cannot be stored ({@link EventShape})
 * are kept as unrouted events with the reason instead.
 */
@Stateless
public class SyncBatch {

    /**
     * Conversations are locked in group order: two batches that share conversations (an inbound
     * message and its echo travel on different queues) then wait for each other instead of deadlocking.
     * Stable, so a conversation's events keep their order.
     */
    private static final Comparator<SyncEvent> LOCK_ORDER = Comparator.comparing(SyncEvent::groupId);

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Routing routing;

    @Inject
    MessageSync messages;

    @Inject
    ContactSync contacts;

    @Inject
    HistoryImport history;

    @Inject
    NumberLifecycle lifecycle;

    @Inject
    Templates templates;

    /** All of them or none: one transaction, one commit. */
    public void applyAll(SyncQueue queue, List<SyncEvent> events) {
        if (queue == SyncQueue.INBOUND || queue == SyncQueue.ECHOES) {
            messages.createCustomersOf(events);
        }
        for (SyncEvent event : events.stream().sorted(LOCK_ORDER).toList()) {
            apply(queue, event);
            // written now and forgotten: otherwise every query of a later event dirty-checks all earlier ones
            em.flush();
            em.clear();
        }
    }

    /** One event from this queue, by the boundary that owns the queue's kinds. */
    public void apply(SyncQueue queue, SyncEvent event) {
        String problem = EventShape.problem(event);
        if (problem != null) {
            routing.keepUnrouted(event, "invalid event: " + problem);
            return;
        }
        switch (queue) {
            case INBOUND, ECHOES -> messages.apply(event);
            case STATE -> {
                if (event.kind() == EventKind.CONTACT) {
                    contacts.apply(event);
                } else {
                    history.apply(event);
                }
            }
            case ACCOUNT -> {
                if (event.kind() == EventKind.TEMPLATE) {
                    templates.apply(event);
                } else {
                    lifecycle.apply(event);
                }
            }
        }
    }
}
