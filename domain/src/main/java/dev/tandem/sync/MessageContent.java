package dev.tandem.sync;

/**
 * What a message says: its Meta type, the readable text (body or caption), a media id if any, and
 * the raw JSON object as Meta sent it.
 */
public record MessageContent(String type, String text, String mediaId, String payload) {
    public MessageContent {
        if (type == null || type.isBlank()) {
            type = "unsupported";
        }
        text = dev.tandem.domain.Columns.storable(text);
        if (payload == null) {
            throw new IllegalArgumentException("payload is required: the raw message is always kept");
        }
    }
}
