package dev.tandem.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One chunk of a coexistence history sync, persisted as received (gzip) before its messages are
 * imported; unique per (tenant, phase, chunk order), so a redelivered chunk is recognised.
 */
@Entity
@Table(name = "history_chunk")
public class HistoryChunk {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private int phase;

    @Column(name = "chunk_order", nullable = false)
    private int chunkOrder;

    @Column(nullable = false)
    private int progress;

    @Column(name = "message_count", nullable = false)
    private int messageCount;

    /** Messages of this chunk that were new (not already stored live or by another chunk). */
    @Column(nullable = false)
    private int imported;

    @Column(name = "payload_gzip", nullable = false)
    private byte[] payloadGzip;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "imported_at")
    private Instant importedAt;

    protected HistoryChunk() {
    }

    public HistoryChunk(UUID tenantId, int phase, int chunkOrder, int progress, int messageCount, byte[] payloadGzip,
                        Instant receivedAt) {
        if (phase < 0 || phase > 2) {
            throw new IllegalArgumentException("history phase must be 0, 1 or 2, was " + phase);
        }
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.phase = phase;
        this.chunkOrder = chunkOrder;
        this.progress = Math.max(0, Math.min(100, progress));
        this.messageCount = messageCount;
        this.payloadGzip = payloadGzip;
        this.receivedAt = receivedAt;
    }

    public void imported(int newMessages, Instant at) {
        this.imported = newMessages;
        this.importedAt = at;
    }

    public UUID id() { return id; }
    public int phase() { return phase; }
    public int chunkOrder() { return chunkOrder; }
    public int progress() { return progress; }
    public int messageCount() { return messageCount; }
    public boolean isImported() { return importedAt != null; }
    public byte[] payloadGzip() { return payloadGzip; }
}
