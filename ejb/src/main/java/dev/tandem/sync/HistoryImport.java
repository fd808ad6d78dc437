package dev.tandem.sync;

import dev.tandem.platform.Events;
import dev.tandem.platform.Gzip;
import dev.tandem.platform.InList;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Imports coexistence history: each chunk is persisted first, then its messages are inserted in JDBC
 * batches with their original timestamps, origin HISTORY, no per-message notification, no bots and
 * no service-window change, skipping wamids already stored live or by another chunk. Chunk and import
 * share the consumer's transaction, so a crash rolls both back and the redelivered chunk is imported
 * again from the start: no loss, no duplicates.
 */
@Stateless
public class HistoryImport {

    /** Flush and clear the persistence context every so many rows, so big chunks stay flat in memory. */
    static final int FLUSH_EVERY = 500;

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Routing routing;

    @Inject
    ContactDirectory contacts;

    @Inject
    MessageSync messages;

    @Inject
    Events events;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    public void apply(SyncEvent event) {
        Optional<UUID> tenant = routing.tenantOf(event);
        if (tenant.isEmpty()) {
            return;
        }
        if (event.kind() == EventKind.HISTORY_MEDIA) {
            media(tenant.get(), event);
        } else if (event.item().get("errors") instanceof JsonArray) {
            declined(tenant.get(), event);
        } else {
            chunk(tenant.get(), event);
        }
    }

    private void chunk(UUID tenantId, SyncEvent event) {
        JsonObject item = event.item();
        JsonObject metadata = item.get("metadata") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
        int phase = intOf(metadata, "phase");
        int order = intOf(metadata, "chunk_order");
        int progress = intOf(metadata, "progress");
        JsonArray threads = item.get("threads") instanceof JsonArray t ? t : JsonValue.EMPTY_JSON_ARRAY;

        HistoryChunk existing = em.createQuery("select c from HistoryChunk c where c.tenantId = :t and c.phase = :p"
                        + " and c.chunkOrder = :o", HistoryChunk.class)
                .setParameter("t", tenantId).setParameter("p", phase).setParameter("o", order)
                .getResultStream().findFirst().orElse(null);
        if (existing != null && existing.isImported()) {
            return; // a duplicate delivery of a chunk already imported
        }
        List<JsonObject> entries = new ArrayList<>();
        Map<JsonObject, String> threadOf = new HashMap<>();
        for (JsonValue t : threads) {
            if (t instanceof JsonObject thread && thread.get("messages") instanceof JsonArray list) {
                for (JsonValue m : list) {
                    if (m instanceof JsonObject message) {
                        entries.add(message);
                        threadOf.put(message, WebhookSplitter.text(thread, "id"));
                    }
                }
            }
        }
        HistoryChunk chunk = existing != null ? existing : new HistoryChunk(tenantId, phase, order, progress, entries.size(),
                Gzip.compress(item.toString().getBytes(StandardCharsets.UTF_8)), event.receivedAt());
        if (existing == null) {
            em.persist(chunk);
            em.flush();
        }
        UUID chunkId = chunk.id();
        int imported = importMessages(tenantId, entries, threadOf, event.receivedAt());

        chunk = em.find(HistoryChunk.class, chunkId);
        Instant now = clock.instant();
        chunk.imported(imported, now);
        HistorySync sync = syncOf(tenantId, now);
        sync.chunkArrived(progress, now);
        var data = new LinkedHashMap<String, Object>();
        data.put("phase", phase);
        data.put("chunkOrder", order);
        data.put("progress", sync.progress());
        data.put("state", sync.state().name());
        data.put("messages", entries.size());
        data.put("imported", imported);
        events.publish("history.progress", tenantId, data);
    }

    /** Inserts the entries not stored yet; returns how many were new. */
    private int importMessages(UUID tenantId, List<JsonObject> entries, Map<JsonObject, String> threadOf, Instant received) {
        Set<String> known = existingWamids(tenantId, entries.stream().map(e -> WebhookSplitter.text(e, "id")).toList());
        Map<String, UUID> conversationOfThread = contacts.conversationsOf(tenantId, entries.stream()
                .filter(e -> !known.contains(WebhookSplitter.text(e, "id"))).map(threadOf::get).toList());
        int imported = 0;
        for (JsonObject entry : entries) {
            String wamid = WebhookSplitter.text(entry, "id");
            String thread = threadOf.get(entry);
            if (wamid == null || thread == null || !known.add(wamid)) {
                continue;
            }
            UUID conversationId = conversationOfThread.get(thread);
            boolean fromCustomer = thread.equals(WebhookSplitter.text(entry, "from"));
            MessageStatus status = fromCustomer ? MessageStatus.RECEIVED : historyStatus(entry);
            em.persist(new Message(tenantId, conversationId, wamid, fromCustomer ? Direction.INBOUND : Direction.OUTBOUND,
                    Origin.HISTORY, MetaObjects.content(entry), status, MetaObjects.timestamp(entry, received),
                    clock.instant()));
            if (++imported % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
        em.clear();
        return imported;
    }

    private Set<String> existingWamids(UUID tenantId, List<String> wamids) {
        Set<String> existing = new HashSet<>();
        for (List<String> slice : InList.slices(wamids)) {
            existing.addAll(em.createQuery("select m.wamid from Message m where m.tenantId = :t and m.wamid in :ids",
                            String.class)
                    .setParameter("t", tenantId).setParameter("ids", slice).getResultList());
        }
        return existing;
    }

    private static MessageStatus historyStatus(JsonObject entry) {
        MessageStatus status = entry.get("history_context") instanceof JsonObject context
                ? MessageStatus.fromWire(WebhookSplitter.text(context, "status")) : null;
        return status == null || status == MessageStatus.RECEIVED ? MessageStatus.SENT : status;
    }

    /** A media follow-up: fills the placeholder imported earlier, or stores the media as a history message. */
    private void media(UUID tenantId, SyncEvent event) {
        JsonObject item = event.item();
        String wamid = WebhookSplitter.text(item, "id");
        if (wamid == null) {
            return;
        }
        Optional<Message> existing = messages.find(tenantId, wamid);
        if (existing.isPresent()) {
            existing.get().completePlaceholder(MetaObjects.content(item));
            return;
        }
        String from = WebhookSplitter.text(item, "from");
        String to = WebhookSplitter.text(item, "to");
        boolean fromCustomer = to == null;
        String customer = fromCustomer ? from : to;
        if (customer == null) {
            routing.keepUnrouted(event, "history media without a sender");
            return;
        }
        Contact contact = contacts.messagingContact(tenantId, customer, null);
        em.persist(new Message(tenantId, contacts.of(contact).id(), wamid, fromCustomer ? Direction.INBOUND : Direction.OUTBOUND,
                Origin.HISTORY, MetaObjects.content(item), fromCustomer ? MessageStatus.RECEIVED : MessageStatus.SENT,
                MetaObjects.timestamp(item, event.receivedAt()), clock.instant()));
    }

    private void declined(UUID tenantId, SyncEvent event) {
        MetaObjects.MetaError error = MetaObjects.error(event.item());
        HistorySync sync = syncOf(tenantId, clock.instant());
        sync.declined(error.code(), error.details() != null ? error.details() : error.title(), clock.instant());
        var data = new LinkedHashMap<String, Object>();
        data.put("state", sync.state().name());
        data.put("code", error.code() == null ? 0 : error.code());
        data.put("reason", String.valueOf(sync.declinedReason()));
        events.publish("history.progress", tenantId, data);
    }

    /**
     * The tenant's sync state, locked until the commit: chunks are imported in parallel (each is a message
     * group of its own), and they all count into this one row.
     */
    private HistorySync syncOf(UUID tenantId, Instant now) {
        HistorySync sync = em.find(HistorySync.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
        if (sync == null) {
            try {
                context.getBusinessObject(HistoryImport.class).start(tenantId, now);
            } catch (EJBException raced) {
                // another chunk started it a moment ago
            }
            sync = em.find(HistorySync.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
        }
        return sync;
    }

    /** Creates the sync state in a transaction of its own, so that two first chunks cannot both create it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void start(UUID tenantId, Instant now) {
        em.persist(new HistorySync(tenantId, now));
    }

    private static int intOf(JsonObject object, String name) {
        String text = WebhookSplitter.text(object, name);
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
