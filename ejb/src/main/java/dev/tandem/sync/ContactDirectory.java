package dev.tandem.sync;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;

/** Finds or creates the contact and the conversation a message belongs to (control, not a boundary). */
@Stateless
public class ContactDirectory {

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Clock clock;

    /** The contact keyed by phone (wa_id) or, for username users, by business-scoped user id. */
    public Contact contact(UUID tenantId, String waId, String userId) {
        Contact found = null;
        if (waId != null) {
            found = em.createQuery("select c from Contact c where c.tenantId = :t and c.waId = :w", Contact.class)
                    .setParameter("t", tenantId).setParameter("w", waId).getResultStream().findFirst().orElse(null);
        }
        if (found == null && userId != null) {
            found = em.createQuery("select c from Contact c where c.tenantId = :t and c.userId = :u", Contact.class)
                    .setParameter("t", tenantId).setParameter("u", userId).getResultStream().findFirst().orElse(null);
        }
        if (found == null) {
            found = new Contact(tenantId, waId, userId, clock.instant());
            em.persist(found);
        }
        return found;
    }

    public Conversation of(Contact contact) {
        return em.createQuery("select c from Conversation c where c.contactId = :c", Conversation.class)
                .setParameter("c", contact.id()).getResultStream().findFirst()
                .orElseGet(() -> {
                    Conversation created = new Conversation(contact.tenantId(), contact.id(), clock.instant());
                    em.persist(created);
                    return created;
                });
    }
}
