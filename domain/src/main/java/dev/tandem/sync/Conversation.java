package dev.tandem.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The one chat between a tenant's number and a contact. It owns the 24-hour customer service window,
 * which only a customer's own message opens: never an echo, an API send or a history import.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "contact_id", nullable = false, unique = true)
    private UUID contactId;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    @Column(name = "last_customer_message_at")
    private Instant lastCustomerMessageAt;

    @Column(name = "human_takeover_until")
    private Instant humanTakeoverUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Conversation() {
    }

    public Conversation(UUID tenantId, UUID contactId, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.contactId = contactId;
        this.createdAt = now;
    }

    /** A live message from the customer: the window runs 24 h from its timestamp. */
    public void customerWrote(Instant at) {
        if (lastCustomerMessageAt == null || at.isAfter(lastCustomerMessageAt)) {
            lastCustomerMessageAt = at;
        }
        touched(at);
    }

    /** Someone typed on the Business App: a human has taken over, bots keep quiet for {@code pause}. */
    public void businessAppWrote(Instant at, Duration pause) {
        Instant until = at.plus(pause);
        if (humanTakeoverUntil == null || until.isAfter(humanTakeoverUntil)) {
            humanTakeoverUntil = until;
        }
        touched(at);
    }

    /** Any other message (API send); history imports do not reorder the inbox and do not call this. */
    public void touched(Instant at) {
        if (lastMessageAt == null || at.isAfter(lastMessageAt)) {
            lastMessageAt = at;
        }
    }

    public Instant serviceWindowClosesAt() {
        return lastCustomerMessageAt == null ? null : lastCustomerMessageAt.plus(SERVICE_WINDOW);
    }

    public boolean serviceWindowOpen(Instant now) {
        Instant closes = serviceWindowClosesAt();
        return closes != null && now.isBefore(closes);
    }

    public boolean botPaused(Instant now) {
        return humanTakeoverUntil != null && now.isBefore(humanTakeoverUntil);
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public UUID contactId() { return contactId; }
    public Instant lastMessageAt() { return lastMessageAt; }
    public Instant lastCustomerMessageAt() { return lastCustomerMessageAt; }
    public Instant humanTakeoverUntil() { return humanTakeoverUntil; }
}
