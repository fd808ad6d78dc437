package dev.tandem.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A send, stored before Meta is called, unique per (tenant, idempotency key): a retried request finds
 * it and never sends twice. It ends ACCEPTED with Meta's wamid or FAILED with Meta's error.
 */
@Entity
@Table(name = "outbound_message")
public class OutboundMessage {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "idempotency_key", nullable = false, length = 200)
    private String idempotencyKey;

    @Column(nullable = false, length = 20)
    private String recipient;

    @Column(nullable = false, length = 40)
    private String type;

    /** The Graph request body, as it will be sent. */
    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OutboundState state;

    @Column(length = 200)
    private String wamid;

    @Column(name = "error_code")
    private Integer errorCode;

    @Column(name = "error_title", length = 500)
    private String errorTitle;

    @Column(name = "error_details")
    private String errorDetails;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected OutboundMessage() {
    }

    public OutboundMessage(UUID tenantId, String idempotencyKey, OutboundDraft draft, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.idempotencyKey = idempotencyKey;
        this.recipient = draft.to();
        this.type = draft.type();
        this.body = draft.graphBody().toString();
        this.state = OutboundState.QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void attempted(Instant now) {
        attempts++;
        updatedAt = now;
    }

    public void accepted(String wamid, Instant now) {
        this.state = OutboundState.ACCEPTED;
        this.wamid = wamid;
        this.updatedAt = now;
    }

    public void failed(Integer code, String title, String details, Instant now) {
        this.state = OutboundState.FAILED;
        this.errorCode = code;
        this.errorTitle = title;
        this.errorDetails = details;
        this.updatedAt = now;
    }

    /** The tenant's access token was refused (190): wait for a new token instead of failing. */
    public void paused(Integer code, String title, Instant now) {
        this.state = OutboundState.PAUSED;
        this.errorCode = code;
        this.errorTitle = title;
        this.updatedAt = now;
    }

    public void requeued(Instant now) {
        this.state = OutboundState.QUEUED;
        this.errorCode = null;
        this.errorTitle = null;
        this.updatedAt = now;
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public String idempotencyKey() { return idempotencyKey; }
    public String recipient() { return recipient; }
    public String type() { return type; }
    public String body() { return body; }
    public OutboundState state() { return state; }
    public String wamid() { return wamid; }
    public Integer errorCode() { return errorCode; }
    public String errorTitle() { return errorTitle; }
    public String errorDetails() { return errorDetails; }
    public int attempts() { return attempts; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
