package dev.tandem.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for the events topic, stored with the fact it describes and deleted once published: the
 * transactional outbox that lets a fact and its event commit together without a broker transaction.
 */
@Entity
@Table(name = "unpublished_event")
public class UnpublishedEvent {

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String type;

    @Column(name = "tenant_id")
    private UUID tenantId;

    /** The JSON envelope exactly as subscribers receive it (its "id" is this row's). */
    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UnpublishedEvent() {
    }

    public UnpublishedEvent(UUID id, String type, UUID tenantId, String body, Instant createdAt) {
        this.id = id;
        this.type = type;
        this.tenantId = tenantId;
        this.body = body;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String type() {
        return type;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
