package dev.tandem.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The version of a message before an edit or a revoke; unique per (message, event wamid). */
@Entity
@Table(name = "message_revision")
public class MessageRevision {

    public enum Kind { EDIT, REVOKE }

    @Id
    private UUID id;

    @Column(name = "message_id", nullable = false)
    private UUID messageId;

    @Column(name = "event_wamid", nullable = false, length = 200)
    private String eventWamid;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Kind kind;

    @Column(name = "previous_text")
    private String previousText;

    @Column(name = "previous_payload", nullable = false)
    private String previousPayload;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected MessageRevision() {
    }

    public MessageRevision(Message before, String eventWamid, Kind kind, Instant changedAt) {
        this.id = UUID.randomUUID();
        this.messageId = before.id();
        this.eventWamid = eventWamid;
        this.kind = kind;
        this.previousText = before.text();
        this.previousPayload = before.payload();
        this.changedAt = changedAt;
    }

    public UUID messageId() { return messageId; }
    public Kind kind() { return kind; }
    public String previousText() { return previousText; }
    public Instant changedAt() { return changedAt; }
}
