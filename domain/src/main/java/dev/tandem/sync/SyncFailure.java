package dev.tandem.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The last failure of one JMS message on a sync queue. Artemis moves a message that keeps failing to
 * the dead-letter queue without saying why; this row says why, keyed by the JMS message id the
 * message keeps there.
 */
@Entity
@Table(name = "sync_failure")
public class SyncFailure {

    /** Reasons are exception chains; longer ones are cut (the server log has the stack trace). */
    static final int MAX_REASON = 4000;

    @Id
    @Column(name = "jms_message_id", length = 100)
    private String jmsMessageId;

    @Column(nullable = false, length = 100)
    private String queue;

    @Column(length = 40)
    private String kind;

    @Column(name = "group_id")
    private String groupId;

    @Column(name = "delivery_id")
    private UUID deliveryId;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(nullable = false)
    private int attempts;

    @Column(nullable = false)
    private String reason;

    @Column(name = "first_failed_at", nullable = false)
    private Instant firstFailedAt;

    @Column(name = "last_failed_at", nullable = false)
    private Instant lastFailedAt;

    protected SyncFailure() {
    }

    public SyncFailure(String jmsMessageId, String queue, String kind, String groupId, UUID deliveryId, UUID tenantId,
                       Instant at) {
        this.jmsMessageId = jmsMessageId;
        this.queue = queue;
        this.kind = kind;
        this.groupId = groupId;
        this.deliveryId = deliveryId;
        this.tenantId = tenantId;
        this.firstFailedAt = at;
        this.lastFailedAt = at;
        this.reason = "";
    }

    /** One more failed attempt: the broker's delivery count when known, else one more than before. */
    public void failedAgain(int deliveryCount, String reason, Instant at) {
        this.attempts = Math.max(attempts + 1, deliveryCount);
        this.reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        this.lastFailedAt = at;
    }

    public String jmsMessageId() { return jmsMessageId; }
    public String queue() { return queue; }
    public String kind() { return kind; }
    public String groupId() { return groupId; }
    public UUID deliveryId() { return deliveryId; }
    public UUID tenantId() { return tenantId; }
    public int attempts() { return attempts; }
    public String reason() { return reason; }
    public Instant firstFailedAt() { return firstFailedAt; }
    public Instant lastFailedAt() { return lastFailedAt; }
}
