package dev.tandem.sync;

import dev.tandem.domain.JsonDocuments;
import dev.tandem.platform.Events;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lands inbound messages, statuses and Business App echoes exactly once. A duplicate delivery
 * changes nothing; statuses only move forward and a status that arrives before its message waits
 * for it; edits and revokes keep the earlier version. Echoes never open the service window.
 */
@Stateless
public class MessageSync {

    /** How far back the frequent sweep of pending statuses looks. */
    static final Duration RECENT_PENDING = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Routing routing;

    @Inject
    ContactDirectory conversations;

    @Inject
    Events events;

    @Inject
    Clock clock;

    /** How long bots stay quiet after someone typed on the Business App. */
    @Inject
    @ConfigProperty(name = "tandem.sync.bot-pause", defaultValue = "PT30M")
    Duration botPause;

    public void apply(SyncEvent event) {
        Optional<UUID> tenant = routing.tenantOf(event);
        if (tenant.isEmpty()) {
            return;
        }
        switch (event.kind()) {
            case MESSAGE -> inbound(tenant.get(), event);
            case STATUS -> status(tenant.get(), event.item());
            case ECHO -> echo(tenant.get(), event);
            case ERRORS -> {
                routing.keepUnrouted(event, "webhook errors");
                events.publish("webhook.errors", tenant.get(), Map.of("errors", event.item().toString()));
            }
            default -> throw new IllegalArgumentException("MessageSync does not handle " + event.kind());
        }
    }

    /**
     * Creates the customers a batch of events is about to meet for the first time, with their
     * conversations, in one transaction before the events are applied: one commit for the batch
     * instead of one per new customer (on a busy number most inbound messages are from new people).
     */
    public void createCustomersOf(List<SyncEvent> events) {
        Map<UUID, Set<String>> newcomers = new HashMap<>();
        for (SyncEvent event : events) {
            String waId = event.kind() == EventKind.MESSAGE ? WebhookSplitter.text(event.item(), "from")
                    : event.kind() == EventKind.ECHO ? WebhookSplitter.text(event.item(), "to") : null;
            if (waId != null && EventShape.problem(event) == null) {
                routing.ownerOf(event.phoneNumberId())
                        .ifPresent(tenant -> newcomers.computeIfAbsent(tenant, t -> new HashSet<>()).add(waId));
            }
        }
        newcomers.forEach(conversations::conversationsOf);
    }

    private void inbound(UUID tenantId, SyncEvent event) {
        JsonObject item = event.item();
        String wamid = WebhookSplitter.text(item, "id");
        if (wamid == null || find(tenantId, wamid).isPresent()) {
            return;
        }
        Instant at = MetaObjects.timestamp(item, event.receivedAt());
        String type = WebhookSplitter.text(item, "type");
        if (("edit".equals(type) || "revoke".equals(type)) && revise(tenantId, wamid, item, at)) {
            return;
        }
        String waId = WebhookSplitter.text(item, "from");
        String userId = WebhookSplitter.text(item, "from_user_id");
        if (userId == null && event.profile() != null) {
            userId = WebhookSplitter.text(event.profile(), "user_id");
        }
        if (waId == null && userId == null) {
            routing.keepUnrouted(event, "message without a sender");
            return;
        }
        Contact contact = conversations.messagingContact(tenantId, waId, userId);
        String profileName = event.profile() != null && event.profile().get("profile") instanceof JsonObject p
                ? WebhookSplitter.text(p, "name") : null;
        contact.seen(profileName, waId, userId, clock.instant());
        Conversation conversation = conversations.lockedOf(contact);
        Message message = new Message(tenantId, conversation.id(), wamid, Direction.INBOUND, Origin.CUSTOMER,
                MetaObjects.content(item), MessageStatus.RECEIVED, at, clock.instant());
        em.persist(message);
        if (!"system".equals(type)) {
            conversation.customerWrote(at);
        }
        events.publish("message.received", tenantId, eventData(message));
    }

    private void echo(UUID tenantId, SyncEvent event) {
        JsonObject item = event.item();
        String wamid = WebhookSplitter.text(item, "id");
        if (wamid == null || find(tenantId, wamid).isPresent()) {
            return;
        }
        Instant at = MetaObjects.timestamp(item, event.receivedAt());
        recordBusinessAppActivity(tenantId, at);
        String type = WebhookSplitter.text(item, "type");
        if (("edit".equals(type) || "revoke".equals(type)) && revise(tenantId, wamid, item, at)) {
            return;
        }
        String to = WebhookSplitter.text(item, "to");
        String toUserId = WebhookSplitter.text(item, "to_user_id");
        if (to == null && toUserId == null) {
            routing.keepUnrouted(event, "echo without a recipient");
            return;
        }
        Contact contact = conversations.messagingContact(tenantId, to, toUserId);
        Conversation conversation = conversations.lockedOf(contact);
        Message message = new Message(tenantId, conversation.id(), wamid, Direction.OUTBOUND, Origin.BUSINESS_APP,
                MetaObjects.content(item), MessageStatus.SENT, at, clock.instant());
        em.persist(message);
        conversation.businessAppWrote(at, botPause);
        applyPendingStatuses(tenantId, message);
        events.publish("echo.mirrored", tenantId, eventData(message));
    }

    /**
     * A message Tandem sent through the Cloud API and Meta accepted: stored OUTBOUND with origin API in
     * the customer's conversation (no window change), and statuses that raced ahead are applied.
     */
    public void recordApiMessage(UUID tenantId, String to, String wamid, MessageContent content) {
        if (find(tenantId, wamid).isPresent()) {
            return;
        }
        Contact contact = conversations.messagingContact(tenantId, to, null);
        Conversation conversation = conversations.lockedOf(contact);
        Instant now = clock.instant();
        Message message = new Message(tenantId, conversation.id(), wamid, Direction.OUTBOUND, Origin.API, content,
                MessageStatus.PENDING, now, now);
        em.persist(message);
        conversation.touched(now);
        applyPendingStatuses(tenantId, message);
        events.publish("message.sent", tenantId, eventData(message));
    }

    /**
     * An edit or revoke of an earlier message: the earlier version is kept as a revision. Returns false
     * when the original is unknown, so the event is stored as a message of its own (nothing is dropped).
     */
    private boolean revise(UUID tenantId, String eventWamid, JsonObject item, Instant at) {
        String type = WebhookSplitter.text(item, "type");
        JsonObject body = item.get(type) instanceof JsonObject o ? o : null;
        String originalId = body == null ? null : WebhookSplitter.text(body, "original_message_id");
        Optional<Message> original = originalId == null ? Optional.empty() : find(tenantId, originalId);
        if (original.isEmpty()) {
            return false;
        }
        Message message = original.get();
        boolean seen = !em.createQuery("select r.kind from MessageRevision r where r.messageId = :m and r.eventWamid = :e")
                .setParameter("m", message.id()).setParameter("e", eventWamid).getResultList().isEmpty();
        if (seen) {
            return true;
        }
        MessageRevision.Kind kind = "edit".equals(type) ? MessageRevision.Kind.EDIT : MessageRevision.Kind.REVOKE;
        em.persist(new MessageRevision(message, eventWamid, kind, at));
        if (kind == MessageRevision.Kind.EDIT && body.get("message") instanceof JsonObject edited) {
            message.edit(MetaObjects.content(edited));
        } else {
            message.revoke();
        }
        events.publish(kind == MessageRevision.Kind.EDIT ? "message.edited" : "message.revoked", tenantId,
                eventData(message));
        return true;
    }

    /** Applies a status to its message, or keeps it until the message lands. */
    void status(UUID tenantId, JsonObject item) {
        String wamid = WebhookSplitter.text(item, "id");
        MessageStatus status = MessageStatus.fromWire(WebhookSplitter.text(item, "status"));
        if (wamid == null || status == null) {
            return;
        }
        Optional<Message> message = find(tenantId, wamid);
        if (message.isEmpty() && conversations.lockConversationOf(tenantId, WebhookSplitter.text(item, "recipient_id"),
                WebhookSplitter.text(item, "recipient_user_id")) == ContactDirectory.ConversationLock.TAKEN_NOW) {
            // An echo or an API send of this customer may be storing the message right now, on another queue: it
            // holds this lock until it commits, and stores the message before it looks for pending statuses.
            // Looking again under the lock, the two cannot miss each other (before, the 5 s sweep closed that gap).
            // Had this transaction taken the lock before, the look above already was under it.
            message = find(tenantId, wamid);
        }
        if (message.isEmpty()) {
            boolean known = !em.createQuery("select p.id from PendingStatus p where p.tenantId = :t and p.wamid = :w and p.status = :s")
                    .setParameter("t", tenantId).setParameter("w", wamid).setParameter("s", status.name())
                    .getResultList().isEmpty();
            if (!known) {
                em.persist(new PendingStatus(tenantId, wamid, status.name(), item.toString(), clock.instant()));
            }
            return;
        }
        Message target = message.get();
        boolean recorded = !em.createQuery("select s.status from StatusChange s where s.messageId = :m and s.status = :s")
                .setParameter("m", target.id()).setParameter("s", status).getResultList().isEmpty();
        if (recorded) {
            return;
        }
        MetaObjects.MetaError error = MetaObjects.error(item);
        Instant at = MetaObjects.timestamp(item, clock.instant());
        em.persist(new StatusChange(target.id(), status, at, error.code(), error.title(), error.details(),
                item.get("pricing") instanceof JsonObject pricing ? pricing.toString() : null, clock.instant()));
        if (target.advanceTo(status, error.code(), error.title(), error.details())) {
            var data = new java.util.LinkedHashMap<String, Object>(eventData(target));
            data.put("occurredAt", at.toString());
            events.publish("status.changed", tenantId, data);
        }
    }

    /**
     * Every 5 s: recent pending statuses whose message exists by now. For a customer without a
     * conversation yet there is nothing to lock, so a status consumer and the message's creator can
     * miss each other (each checks before the other commits); this sweep closes that gap. Only the
     * last 10 minutes are looked at (an indexed range): statuses of sends Tandem never sees stay
     * pending for good and would make a full scan every 5 s grow without end.
     */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void applyLatePendingStatuses() {
        applyLatePendingStatuses(clock.instant().minus(RECENT_PENDING));
    }

    /** Hourly, the same over every pending status: covers a gap that outlived the recent window (a long outage). */
    @Schedule(hour = "*", minute = "17", persistent = false)
    public void applyAllLatePendingStatuses() {
        applyLatePendingStatuses(Instant.EPOCH);
    }

    private void applyLatePendingStatuses(Instant since) {
        List<PendingStatus> late = em.createQuery("select p from PendingStatus p where p.receivedAt >= :since"
                        + " and exists (select m.id from Message m where m.tenantId = p.tenantId and m.wamid = p.wamid)",
                        PendingStatus.class)
                .setParameter("since", since).setMaxResults(500).getResultList();
        late.forEach(this::applyPending);
    }

    /** Statuses that arrived before this message. */
    void applyPendingStatuses(UUID tenantId, Message message) {
        var pending = em.createQuery("select p from PendingStatus p where p.tenantId = :t and p.wamid = :w", PendingStatus.class)
                .setParameter("t", tenantId).setParameter("w", message.wamid()).getResultList();
        pending.forEach(this::applyPending);
    }

    /** Replays a waiting status through the normal status path, once. */
    private void applyPending(PendingStatus pending) {
        em.remove(pending);
        status(pending.tenantId(), JsonDocuments.parse(pending.payload()));
    }

    /** Echoes keep the 12-day inactivity check honest; a bulk update avoids contending on the tenant row. */
    private void recordBusinessAppActivity(UUID tenantId, Instant at) {
        em.createQuery("update Tenant t set t.lastBusinessAppActivityAt = :at where t.id = :id"
                        + " and (t.lastBusinessAppActivityAt is null or t.lastBusinessAppActivityAt < :at)")
                .setParameter("at", at).setParameter("id", tenantId).executeUpdate();
    }

    public Optional<Message> find(UUID tenantId, String wamid) {
        return em.createQuery("select m from Message m where m.tenantId = :t and m.wamid = :w", Message.class)
                .setParameter("t", tenantId).setParameter("w", wamid).getResultStream().findFirst();
    }

    static Map<String, Object> eventData(Message message) {
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("wamid", message.wamid());
        data.put("conversationId", message.conversationId().toString());
        data.put("direction", message.direction().name());
        data.put("origin", message.origin().name());
        data.put("type", message.type());
        data.put("status", message.status().name());
        data.put("timestamp", message.sentAt().toString());
        if (message.text() != null) {
            data.put("text", message.text());
        }
        return data;
    }
}
