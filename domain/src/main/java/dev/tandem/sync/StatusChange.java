package dev.tandem.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One status report Meta sent for a message, kept even when it did not move the current status. */
@Entity
@Table(name = "message_status")
public class StatusChange {

    @Id
    private UUID id;

    @Column(name = "message_id", nullable = false)
    private UUID messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MessageStatus status;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "error_code")
    private Integer errorCode;

    @Column(name = "error_title", length = 500)
    private String errorTitle;

    @Column(name = "error_details")
    private String errorDetails;

    /** Meta's pricing object, raw, for the pricing ledger. */
    @Column(name = "pricing")
    private String pricing;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected StatusChange() {
    }

    public StatusChange(UUID messageId, MessageStatus status, Instant occurredAt, Integer errorCode, String errorTitle,
                        String errorDetails, String pricing, Instant now) {
        this.id = UUID.randomUUID();
        this.messageId = messageId;
        this.status = status;
        this.occurredAt = occurredAt;
        this.errorCode = errorCode;
        this.errorTitle = dev.tandem.domain.Columns.fit(errorTitle, 500);
        this.errorDetails = errorDetails;
        this.pricing = pricing;
        this.recordedAt = now;
    }

    public UUID messageId() { return messageId; }
    public MessageStatus status() { return status; }
    public Instant occurredAt() { return occurredAt; }
    public Integer errorCode() { return errorCode; }
    public String errorTitle() { return errorTitle; }
    public String errorDetails() { return errorDetails; }
    public String pricing() { return pricing; }
}
