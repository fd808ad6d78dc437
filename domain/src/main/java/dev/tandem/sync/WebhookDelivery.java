package dev.tandem.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A verified webhook POST exactly as received (gzip), so any event can be replayed. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    private UUID id;

    @Column(name = "app_id", nullable = false, length = 30)
    private String appId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(name = "body_gzip", nullable = false)
    private byte[] bodyGzip;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(UUID id, String appId, Instant receivedAt, int sizeBytes, byte[] bodyGzip) {
        this.id = id;
        this.appId = appId;
        this.receivedAt = receivedAt;
        this.sizeBytes = sizeBytes;
        this.bodyGzip = bodyGzip;
    }

    public UUID id() { return id; }
    public String appId() { return appId; }
    public Instant receivedAt() { return receivedAt; }
    public byte[] bodyGzip() { return bodyGzip; }
}
