package dev.tandem.sync;

import dev.tandem.platform.InList;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds or creates the contact and the conversation a message belongs to. Inbound messages and echoes
 * of one customer travel on different queues, so two consumers may meet a new customer at once:
 * creation commits on its own (REQUIRES_NEW, through this bean's own proxy), and the loser
 * of that race simply reads the winner's row instead of failing its whole event.
 */
@Stateless
public class ContactDirectory {

    /** Key of the customers whose conversation the current transaction has locked. */
    private static final Object LOCKED_CUSTOMERS = ContactDirectory.class.getName() + ".locked";

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Resource
    TransactionSynchronizationRegistry transaction;

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

    /**
     * The contact's conversation, locked until the transaction ends, for a consumer that moves its times
     * forward. Inbound messages, echoes and API sends of one customer arrive on different queues and are
     * applied at once; without the lock one of them failed the version check and its event waited out a
     * redelivery (a second or more).
     */
    public Conversation lockedOf(Contact contact) {
        Conversation conversation = locked(of(contact));
        remember(contact.tenantId(), contact.waId(), contact.userId());
        return conversation;
    }

    /** What {@link #lockConversationOf} found. */
    public enum ConversationLock { NO_CONVERSATION, TAKEN_NOW, HELD_ALREADY }

    /**
     * Locks a known customer's conversation until the transaction ends. Once per transaction: a consumer's
     * batch often holds many statuses of one customer, and the lock taken for the first covers the rest.
     */
    public ConversationLock lockConversationOf(UUID tenantId, String waId, String userId) {
        Set<String> held = customersLockedInThisTransaction();
        if (held.contains(customerKey(tenantId, waId, null)) || held.contains(customerKey(tenantId, null, userId))) {
            return ConversationLock.HELD_ALREADY;
        }
        Optional<Conversation> conversation = findContact(tenantId, waId, userId).flatMap(contact -> findConversation(contact.id()));
        if (conversation.isEmpty()) {
            return ConversationLock.NO_CONVERSATION;
        }
        locked(conversation.get());
        remember(tenantId, waId, userId);
        return ConversationLock.TAKEN_NOW;
    }

    private Conversation locked(Conversation conversation) {
        em.refresh(conversation, LockModeType.PESSIMISTIC_WRITE); // reads the latest version under the lock
        return conversation;
    }

    private void remember(UUID tenantId, String waId, String userId) {
        Set<String> held = customersLockedInThisTransaction();
        if (waId != null) {
            held.add(customerKey(tenantId, waId, null));
        }
        if (userId != null) {
            held.add(customerKey(tenantId, null, userId));
        }
    }

    /** A customer by phone, else by user id; null when both are unknown, and such a key is never stored. */
    private static String customerKey(UUID tenantId, String waId, String userId) {
        return waId != null ? tenantId + ":wa:" + waId : userId != null ? tenantId + ":user:" + userId : null;
    }

    @SuppressWarnings("unchecked")
    private Set<String> customersLockedInThisTransaction() {
        Set<String> held = (Set<String>) transaction.getResource(LOCKED_CUSTOMERS);
        if (held == null) {
            held = new HashSet<>();
            transaction.putResource(LOCKED_CUSTOMERS, held);
        }
        return held;
    }

    /**
     * The conversation of each customer (by wa_id) of a batch such as a history chunk: the known ones
     * in a few IN queries, the new contacts created with their conversations in one transaction rather
     * than one each. Should another consumer create one of them meanwhile, that transaction fails as a
     * whole and the new ones are created one by one, each race-safe.
     */
    public Map<String, UUID> conversationsOf(UUID tenantId, Collection<String> waIds) {
        List<String> ids = waIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, UUID> contactOf = new HashMap<>();
        for (List<String> slice : InList.slices(ids)) {
            em.createQuery("select c.waId, c.id from Contact c where c.tenantId = :t and c.waId in :w", Object[].class)
                    .setParameter("t", tenantId).setParameter("w", slice).getResultList()
                    .forEach(row -> contactOf.put((String) row[0], (UUID) row[1]));
        }
        Map<UUID, UUID> conversationOfContact = new HashMap<>();
        for (List<UUID> slice : InList.slices(contactOf.values())) {
            em.createQuery("select v.contactId, v.id from Conversation v where v.contactId in :c", Object[].class)
                    .setParameter("c", slice).getResultList()
                    .forEach(row -> conversationOfContact.put((UUID) row[0], (UUID) row[1]));
        }
        Map<String, UUID> conversations = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String waId : ids) {
            UUID contactId = contactOf.get(waId);
            if (contactId == null) {
                unknown.add(waId);
            } else {
                UUID conversationId = conversationOfContact.get(contactId);
                conversations.put(waId, conversationId != null ? conversationId : of(em.find(Contact.class, contactId)).id());
            }
        }
        if (!unknown.isEmpty()) {
            try {
                conversations.putAll(self().createContacts(tenantId, unknown));
            } catch (EJBException raced) {
                unknown.forEach(waId -> conversations.put(waId, of(messagingContact(tenantId, waId, null)).id()));
            }
        }
        return conversations;
    }

    /** New contacts with their conversations, inserted in JDBC batches: all contacts, then all conversations. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, UUID> createContacts(UUID tenantId, List<String> waIds) {
        Instant now = clock.instant();
        List<Contact> created = new ArrayList<>();
        for (String waId : waIds) {
            Contact contact = new Contact(tenantId, waId, null, now);
            em.persist(contact);
            created.add(contact);
        }
        Map<String, UUID> conversations = new HashMap<>();
        for (Contact contact : created) {
            Conversation conversation = new Conversation(tenantId, contact.id(), now);
            em.persist(conversation);
            conversations.put(contact.waId(), conversation.id());
        }
        return conversations;
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
