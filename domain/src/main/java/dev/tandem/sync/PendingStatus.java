package dev.tandem.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A status that arrived before its message; applied, then deleted, when the message lands. */
@Entity
@Table(name = "pending_status")
public class PendingStatus {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false, length = 200)
    private String wamid;

    @Column(nullable = false, length = 20)
    private String status;

    /** The raw status object, replayed through the normal status path. */
    @Column(nullable = false)
    private String payload;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected PendingStatus() {
    }

    public PendingStatus(UUID tenantId, String wamid, String status, String payload, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.wamid = wamid;
        this.status = status;
        this.payload = payload;
        this.receivedAt = now;
    }

    public UUID tenantId() { return tenantId; }
    public String payload() { return payload; }
}
