package dev.tandem.sync;

import dev.tandem.platform.Caller;
import dev.tandem.platform.NotFoundException;
import dev.tandem.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tenant-scoped reads of what sync stored: conversations, their messages, a message by wamid, and
 * contacts. A platform admin reads every tenant (or one, with tenantId); everybody else their own.
 */
@Stateless
public class Inbox {

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Clock clock;

    public Page<ConversationView> conversations(Caller caller, UUID tenantId, int page, int size) {
        UUID scope = scope(caller, tenantId);
        String where = scope == null ? "" : " where c.tenantId = :t";
        TypedQuery<Conversation> query = em.createQuery("select c from Conversation c" + where
                + " order by c.lastMessageAt desc nulls last, c.id", Conversation.class);
        Page<Conversation> rows = page(query, "select count(c) from Conversation c" + where, scope, page, size);
        Map<UUID, Contact> contacts = byId(Contact.class, rows.items().stream().map(Conversation::contactId).toList(),
                Contact::id);
        Instant now = clock.instant();
        return rows.map(c -> ConversationView.of(c, contacts.get(c.contactId()), now));
    }

    public ConversationView conversation(Caller caller, UUID id) {
        Conversation conversation = loadConversation(caller, id);
        return ConversationView.of(conversation, em.find(Contact.class, conversation.contactId()), clock.instant());
    }

    /** Messages of one conversation in Meta's timestamp order (history included). */
    public Page<MessageView> messages(Caller caller, UUID conversationId, int page, int size) {
        Conversation conversation = loadConversation(caller, conversationId);
        Page<Message> rows = Page.of(em.createQuery("select m from Message m where m.conversationId = :c"
                        + " order by m.sentAt, m.storedAt, m.id", Message.class).setParameter("c", conversation.id()),
                em.createQuery("select count(m) from Message m where m.conversationId = :c", Long.class)
                        .setParameter("c", conversation.id()), page, size);
        return new Page<>(views(rows.items()), rows.page(), rows.size(), rows.total());
    }

    public MessageView message(Caller caller, UUID tenantId, String wamid) {
        UUID scope = scope(caller, tenantId);
        TypedQuery<Message> query = em.createQuery("select m from Message m where m.wamid = :w"
                + (scope == null ? "" : " and m.tenantId = :t") + " order by m.storedAt", Message.class)
                .setParameter("w", wamid);
        if (scope != null) {
            query.setParameter("t", scope);
        }
        Message message = query.setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("message", wamid));
        return views(List.of(message)).get(0);
    }

    public Page<ContactView> contacts(Caller caller, UUID tenantId, int page, int size) {
        UUID scope = scope(caller, tenantId);
        String where = scope == null ? "" : " where c.tenantId = :t";
        TypedQuery<Contact> query = em.createQuery("select c from Contact c" + where + " order by c.createdAt, c.id",
                Contact.class);
        return page(query, "select count(c) from Contact c" + where, scope, page, size).map(ContactView::of);
    }

    /** True when the customer wrote within the last 24 hours (echoes and API sends do not count). */
    public boolean serviceWindowOpen(UUID tenantId, String waId) {
        return em.createQuery("select v from Conversation v, Contact c where v.contactId = c.id and c.tenantId = :t"
                        + " and c.waId = :w", Conversation.class)
                .setParameter("t", tenantId).setParameter("w", waId).getResultStream().findFirst()
                .map(conversation -> conversation.serviceWindowOpen(clock.instant())).orElse(false);
    }

    private List<MessageView> views(List<Message> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = messages.stream().map(Message::id).toList();
        Map<UUID, List<StatusChange>> statuses = em.createQuery("select s from StatusChange s where s.messageId in :ids"
                        + " order by s.occurredAt, s.recordedAt", StatusChange.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.groupingBy(StatusChange::messageId));
        Map<UUID, List<MessageRevision>> revisions = em.createQuery("select r from MessageRevision r"
                        + " where r.messageId in :ids order by r.changedAt", MessageRevision.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.groupingBy(MessageRevision::messageId));
        return messages.stream().map(m -> MessageView.of(m, statuses.getOrDefault(m.id(), List.of()),
                revisions.getOrDefault(m.id(), List.of()))).toList();
    }

    private Conversation loadConversation(Caller caller, UUID id) {
        Conversation conversation = id == null ? null : em.find(Conversation.class, id);
        if (conversation == null) {
            throw new NotFoundException("conversation", id);
        }
        caller.checkCanSee("conversation", conversation.tenantId(), id);
        return conversation;
    }

    /** The one tenant a query is limited to, or null for "all" (platform admins only). */
    private static UUID scope(Caller caller, UUID requested) {
        if (caller.isPlatformAdmin()) {
            return requested;
        }
        if (requested != null && !requested.equals(caller.tenantId())) {
            throw new NotFoundException("tenant", requested);
        }
        return caller.tenantId();
    }

    /** One page of a query limited to {@code scope} (bound as :t) unless it is null. */
    private <T> Page<T> page(TypedQuery<T> query, String countJpql, UUID scope, int page, int size) {
        var count = em.createQuery(countJpql, Long.class);
        if (scope != null) {
            query.setParameter("t", scope);
            count.setParameter("t", scope);
        }
        return Page.of(query, count, page, size);
    }

    private <T> Map<UUID, T> byId(Class<T> type, List<UUID> ids, Function<T, UUID> id) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select x from " + type.getSimpleName() + " x where x.id in :ids", type)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(id, Function.identity()));
    }
}
