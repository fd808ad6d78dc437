package dev.tandem.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a tenant's history sync stands. Meta's overall progress only grows and 100 means complete
 * (chunks may still trail in and are imported); error 2593109 means the business declined sharing.
 */
@Entity
@Table(name = "history_sync")
public class HistorySync {

    public enum State { IN_PROGRESS, COMPLETE, DECLINED }

    /** Meta's error when the business turned history sharing off in the Business App. */
    public static final int DECLINED_CODE = 2593109;

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;

    @Column(nullable = false)
    private int progress;

    @Column(name = "declined_code")
    private Integer declinedCode;

    @Column(name = "declined_reason", length = 500)
    private String declinedReason;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_chunk_at")
    private Instant lastChunkAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected HistorySync() {
    }

    public HistorySync(UUID tenantId, Instant now) {
        this.tenantId = tenantId;
        this.state = State.IN_PROGRESS;
        this.startedAt = now;
    }

    public void chunkArrived(int chunkProgress, Instant now) {
        lastChunkAt = now;
        if (chunkProgress > progress) {
            progress = Math.min(100, chunkProgress);
        }
        if (progress >= 100 && state == State.IN_PROGRESS) {
            state = State.COMPLETE;
            completedAt = now;
        }
    }

    public void declined(Integer code, String reason, Instant now) {
        state = State.DECLINED;
        declinedCode = code;
        declinedReason = reason;
        lastChunkAt = now;
    }

    /** True when an unfinished sync has heard nothing for {@code quiet}: Meta may never finish it. */
    public boolean stalled(Instant now, Duration quiet) {
        Instant last = lastChunkAt != null ? lastChunkAt : startedAt;
        return state == State.IN_PROGRESS && last.plus(quiet).isBefore(now);
    }

    public UUID tenantId() { return tenantId; }
    public State state() { return state; }
    public int progress() { return progress; }
    public Integer declinedCode() { return declinedCode; }
    public String declinedReason() { return declinedReason; }
    public Instant startedAt() { return startedAt; }
    public Instant lastChunkAt() { return lastChunkAt; }
    public Instant completedAt() { return completedAt; }
}
