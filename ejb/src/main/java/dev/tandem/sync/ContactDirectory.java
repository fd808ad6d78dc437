package dev.tandem.sync;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds or creates the contact and the conversation a message belongs to. Inbound messages and echoes
 * of one customer travel on different queues, so two consumers may meet a new customer at once:
 * creation commits on its own (REQUIRES_NEW, through this bean's own proxy), and the loser
 * of that race simply reads the winner's row instead of failing its whole event.
 */
@Stateless
public class ContactDirectory {

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /** The contact keyed by phone (wa_id) or, for username users, by business-scoped user id. */
    public Contact contact(UUID tenantId, String waId, String userId) {
        return contact(tenantId, waId, userId, false);
    }

    /**
     * The contact of a message; a new one is created together with its conversation, in one
     * transaction instead of two (a broadcast to new recipients pays this on every send).
     */
    public Contact messagingContact(UUID tenantId, String waId, String userId) {
        return contact(tenantId, waId, userId, true);
    }

    private Contact contact(UUID tenantId, String waId, String userId, boolean withConversation) {
        if (waId == null && userId == null) {
            throw new IllegalArgumentException("a contact needs a phone number or a user id");
        }
        return findContact(tenantId, waId, userId).orElseGet(() -> {
            try {
                self().createContact(tenantId, waId, userId, withConversation);
            } catch (EJBException raced) {
                // another consumer created it a moment ago; read theirs below
            }
            return findContact(tenantId, waId, userId).orElseThrow(
                    () -> new IllegalStateException("contact neither found nor created"));
        });
    }

    public Conversation of(Contact contact) {
        return findConversation(contact.id()).orElseGet(() -> {
            try {
                self().createConversation(contact.tenantId(), contact.id());
            } catch (EJBException raced) {
                // another consumer created it a moment ago; read theirs below
            }
            return findConversation(contact.id()).orElseThrow(
                    () -> new IllegalStateException("conversation neither found nor created"));
        });
    }

    /** This bean's own proxy: a call through it honours REQUIRES_NEW, a plain this-call would not. */
    private ContactDirectory self() {
        return context.getBusinessObject(ContactDirectory.class);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createContact(UUID tenantId, String waId, String userId, boolean withConversation) {
        Contact contact = new Contact(tenantId, waId, userId, clock.instant());
        em.persist(contact);
        if (withConversation) {
            em.persist(new Conversation(tenantId, contact.id(), clock.instant()));
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createConversation(UUID tenantId, UUID contactId) {
        em.persist(new Conversation(tenantId, contactId, clock.instant()));
    }

    private Optional<Contact> findContact(UUID tenantId, String waId, String userId) {
        if (waId != null) {
            Optional<Contact> byPhone = em.createQuery("select c from Contact c where c.tenantId = :t and c.waId = :w",
                            Contact.class)
                    .setParameter("t", tenantId).setParameter("w", waId).getResultStream().findFirst();
            if (byPhone.isPresent()) {
                return byPhone;
            }
        }
        if (userId != null) {
            return em.createQuery("select c from Contact c where c.tenantId = :t and c.userId = :u", Contact.class)
                    .setParameter("t", tenantId).setParameter("u", userId).getResultStream().findFirst();
        }
        return Optional.empty();
    }

    private Optional<Conversation> findConversation(UUID contactId) {
        return em.createQuery("select c from Conversation c where c.contactId = :c", Conversation.class)
                .setParameter("c", contactId).getResultStream().findFirst();
    }
}
