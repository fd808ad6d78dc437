package dev.tandem.sync;

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
 * One WhatsApp message in a conversation, unique per (tenant, wamid). The raw Meta object is kept
 * as it arrived, so nothing of an unknown or new type is ever lost.
 */
@Entity
@Table(name = "message")
public class Message {

    public static final String HISTORY_MEDIA_PLACEHOLDER = "media_placeholder";

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "conversation_id", nullable = false)
    private UUID conversationId;

    @Column(nullable = false, length = 200)
    private String wamid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Origin origin;

    @Column(nullable = false, length = 40)
    private String type;

    @Column(name = "text")
    private String text;

    @Column(name = "media_id", length = 100)
    private String mediaId;

    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MessageStatus status;

    @Column(name = "error_code")
    private Integer errorCode;

    @Column(name = "error_title", length = 500)
    private String errorTitle;

    @Column(name = "error_details")
    private String errorDetails;

    /** Meta's timestamp (device time for history), not when Tandem stored it. */
    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    @Column(nullable = false)
    private boolean edited;

    @Column(nullable = false)
    private boolean revoked;

    @Version
    private long version;

    protected Message() {
    }

    public Message(UUID tenantId, UUID conversationId, String wamid, Direction direction, Origin origin,
                   MessageContent content, MessageStatus status, Instant sentAt, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.conversationId = conversationId;
        this.wamid = wamid;
        this.direction = direction;
        this.origin = origin;
        this.status = status;
        this.sentAt = sentAt;
        this.storedAt = now;
        apply(content);
    }

    /**
     * Applies a status report. Returns true when the current status moved; a late, repeated or
     * backwards report changes nothing (the caller still records it in the status history).
     */
    public boolean advanceTo(MessageStatus next, Integer code, String title, String details) {
        if (!status.canAdvanceTo(next)) {
            return false;
        }
        status = next;
        if (next == MessageStatus.FAILED) {
            errorCode = code;
            errorTitle = dev.tandem.domain.Columns.fit(title, 500);
            errorDetails = details;
        }
        return true;
    }

    /** An edit (by the customer, or by the business on the app): the caller keeps the earlier version. */
    public void edit(MessageContent newContent) {
        apply(new MessageContent(type, newContent.text(), newContent.mediaId() != null ? newContent.mediaId() : mediaId,
                newContent.payload()));
        edited = true;
    }

    /** History sends media later, as its own webhook, for a "media_placeholder" entry. */
    public boolean completePlaceholder(MessageContent media) {
        if (!HISTORY_MEDIA_PLACEHOLDER.equals(type)) {
            return false;
        }
        apply(media);
        return true;
    }

    /** A revoke (deleted for everyone): the text goes, the row and its history stay. */
    public void revoke() {
        revoked = true;
        text = null;
    }

    private void apply(MessageContent content) {
        this.type = content.type();
        this.text = content.text();
        // A media id longer than any of Meta's is not one: the raw payload keeps it, the column does not.
        this.mediaId = content.mediaId() != null && content.mediaId().length() > 100 ? null : content.mediaId();
        this.payload = content.payload();
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public UUID conversationId() { return conversationId; }
    public String wamid() { return wamid; }
    public Direction direction() { return direction; }
    public Origin origin() { return origin; }
    public String type() { return type; }
    public String text() { return text; }
    public String mediaId() { return mediaId; }
    public String payload() { return payload; }
    public MessageStatus status() { return status; }
    public Integer errorCode() { return errorCode; }
    public String errorTitle() { return errorTitle; }
    public String errorDetails() { return errorDetails; }
    public Instant sentAt() { return sentAt; }
    public Instant storedAt() { return storedAt; }
    public boolean edited() { return edited; }
    public boolean revoked() { return revoked; }
}
